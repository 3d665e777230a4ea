import type { GenContext } from '../../types.js';
import type { Participants } from './participants.js';
import type { ClinicalTrialRecord } from './records.js';
import { RESEARCH_AREAS, SPONSOR_TYPES, TRIAL_DESIGNS, TRIAL_PHASES } from './vocabulary.js';

/** The dataset's "today" for trial statuses (fixed, so the data does not change with the clock). */
const CURRENT_YEAR = 2025;

/** SYNTHETIC clinical trials led by one region (its own collection), deterministic per region. */
export function clinicalTrials(
  context: GenContext,
  leadRegionCode: string,
  who: Participants,
): ClinicalTrialRecord[] {
  const random = context.random(`forskning:trials:${leadRegionCode}`);
  const count = context.scale === 'large' ? random.int(150, 250) : random.int(3, 7);
  const trials: ClinicalTrialRecord[] = [];
  for (let n = 1; n <= count; n++) {
    const area = random.pick(RESEARCH_AREAS);
    const phase = random.pick(TRIAL_PHASES);
    const startYear = random.int(2015, CURRENT_YEAR + 1);
    let status: string;
    let endYear: number | null = null;
    if (startYear > CURRENT_YEAR) status = 'PLANNED';
    else if (startYear >= CURRENT_YEAR - 1) status = random.chance(0.8) ? 'RECRUITING' : 'PLANNED';
    else {
      status = random.pick(['RECRUITING', 'ACTIVE_NOT_RECRUITING', 'COMPLETED', 'COMPLETED', 'TERMINATED']);
      if (status === 'COMPLETED' || status === 'TERMINATED')
        endYear = Math.min(CURRENT_YEAR, startYear + random.int(1, 5));
    }
    const regions = who.regions(random, leadRegionCode, random.int(0, 5));
    const scale = phase === 'PHASE_3' ? 150 : phase === 'PHASE_1' ? 20 : 60;
    trials.push({
      id: `KP-${leadRegionCode}-${String(n).padStart(4, '0')}`,
      title: `${random.pick(TRIAL_DESIGNS)} inom ${area.sv}, ${phase.replace('PHASE_', 'fas ')}`,
      phase,
      status,
      therapeuticArea: area.value,
      sponsorType: random.pick(SPONSOR_TYPES),
      leadRegionCode,
      participatingRegionCodes: regions,
      numberOfSites: regions.length + random.int(0, 4),
      startYear,
      endYear,
      // Small counts (1–4) are deliberately common: they must be suppressed when served.
      enrolmentByRegion: regions.map((regionCode) => ({
        regionCode,
        enrolled: status === 'PLANNED' ? 0 : random.chance(0.25) ? random.int(1, 4) : random.int(5, scale),
      })),
      source: context.syntheticSource,
      synthetic: true,
    });
  }
  return trials;
}
