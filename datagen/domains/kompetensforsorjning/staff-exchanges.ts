import type { GenContext } from '../../types.js';
import { loadFacts } from './facts.js';
import { yearsFor } from './weights.js';

const PROFESSIONS = [
  'lakare',
  'sjukskoterska',
  'barnmorska',
  'rontgensjukskoterska',
  'biomedicinsk-analytiker',
];
const PURPOSES = [
  'Tjänstgöring i annan region — service in another region',
  'Utbildning och auskultation — training placement',
  'Jourstöd — on-call support',
];
const ST_PURPOSE = 'Del av ST-tjänstgöring i annan region — part of ST service in another region';

/**
 * Personalutbyten — the real exchanges from the facts file (count null: the source gives no figure)
 * plus SYNTHETIC exchanges with counts. Each exchange is written to both regions' sources (the
 * sending and the receiving region each hold their side), so either region can answer for it.
 */
export function staffExchangeRecords(context: GenContext): Record<string, Array<Record<string, unknown>>> {
  const random = context.random('kompetensforsorjning/staff-exchanges');
  const facts = loadFacts();
  const specialties = facts.specialties.specialties.map((s) => s.id);
  const years = yearsFor(context.scale).slice(-5);
  const perHealthcareRegion = context.scale === 'large' ? 60 : 6;
  const records: Array<Record<string, unknown>> = facts.exchanges.exchanges.map((e) => ({
    ...e,
    synthetic: false,
  }));
  for (const hr of context.reference.healthcareRegions) {
    for (let n = 1; n <= perHealthcareRegion; n++) {
      const fromRegion = random.pick(hr.members);
      const toRegion = random.pick(hr.members.filter((m) => m !== fromRegion));
      const profession = random.pick(PROFESSIONS);
      const specialty = profession === 'lakare' ? random.pick(specialties) : null;
      const year = random.pick(years);
      records.push({
        id: `syn-${hr.id}-${String(n).padStart(3, '0')}`,
        fromRegion,
        toRegion,
        profession,
        specialty,
        focus: null,
        purpose: specialty && random.chance(0.5) ? ST_PURPOSE : random.pick(PURPOSES),
        healthcareRegion: hr.id,
        collaboration: null,
        year,
        // Skewed towards small numbers, so some cells fall under the suppression threshold.
        count: Math.max(1, Math.round(random.next() ** 2 * 30)),
        countNote: null,
        quote: null,
        source: context.syntheticSource,
        synthetic: true,
      });
    }
  }
  const out: Record<string, Array<Record<string, unknown>>> = {};
  for (const region of context.reference.regions) out[region.countyCode] = [];
  for (const record of records) {
    out[String(record.fromRegion)]!.push(record);
    out[String(record.toRegion)]!.push(record);
  }
  return out;
}
