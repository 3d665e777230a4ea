import type { GenContext } from '../../types.js';
import { loadFacts } from './facts.js';
import { noisyCount, POPULATION_THOUSANDS, ST_RATE, ST_SHARE, ST_SHARE_OTHER, yearsFor } from './weights.js';

/** BT (bastjänstgöring) exists from 1 July 2021 (HSLF-FS 2021:8); no BT cells before 2021. */
export const BT_FIRST_YEAR = 2021;

/** AT per 100 000 inhabitants: steady before BT, then phased out (only doctors on the old rules). */
function atRate(year: number): number {
  if (year < BT_FIRST_YEAR) return 20;
  return Math.max(2, 20 - (year - BT_FIRST_YEAR + 1) * 4);
}

/** BT per 100 000 inhabitants: half a year in 2021, then growing. */
function btRate(year: number): number {
  if (year < BT_FIRST_YEAR) return 0;
  return Math.min(24, 3 + (year - BT_FIRST_YEAR) * 8);
}

/**
 * Utbildningstjänster — SYNTHETIC: AT, BT and ST posts in service per region and year; ST per
 * specialty, AT and BT with `specialty: null` (they are not specialty training).
 */
export function trainingPostRecords(context: GenContext): Record<string, Array<Record<string, unknown>>> {
  const random = context.random('kompetensforsorjning/training-posts');
  const specialties = loadFacts().specialties.specialties;
  const years = yearsFor(context.scale);
  const out: Record<string, Array<Record<string, unknown>>> = {};
  for (const region of context.reference.regions) {
    const code = region.countyCode;
    const population = POPULATION_THOUSANDS[code] ?? 250;
    const rows: Array<Record<string, unknown>> = [];
    const cell = (year: number, postType: string, specialty: string | null, mean: number) =>
      rows.push({
        region: code,
        year,
        postType,
        specialty,
        count: noisyCount(mean, random.normal),
        source: context.syntheticSource,
        synthetic: true,
      });
    for (const year of years) {
      cell(year, 'AT', null, (atRate(year) * population) / 100);
      if (year >= BT_FIRST_YEAR) cell(year, 'BT', null, (btRate(year) * population) / 100);
      for (const specialty of specialties) {
        const share = ST_SHARE[specialty.id] ?? ST_SHARE_OTHER;
        cell(year, 'ST', specialty.id, (ST_RATE * share * population) / 100);
      }
    }
    out[code] = rows;
  }
  return out;
}
