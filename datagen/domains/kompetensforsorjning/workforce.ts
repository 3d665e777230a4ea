import type { GenContext } from '../../types.js';
import { loadFacts } from './facts.js';
import { noisyCount, POPULATION_THOUSANDS, PROFESSION_RATE, yearsFor } from './weights.js';

/**
 * Personal — SYNTHETIC: people employed by each region per legitimation profession and year
 * (every cell of region × profession × year, zeros included). Owned by the region's source.
 */
export function workforceRecords(context: GenContext): Record<string, Array<Record<string, unknown>>> {
  const random = context.random('kompetensforsorjning/workforce');
  const professions = loadFacts().professions.professions;
  const years = yearsFor(context.scale);
  const out: Record<string, Array<Record<string, unknown>>> = {};
  for (const region of context.reference.regions) {
    const code = region.countyCode;
    const population = POPULATION_THOUSANDS[code] ?? 250;
    const regionFactor = 0.85 + random.next() * 0.3;
    const rows: Array<Record<string, unknown>> = [];
    for (const profession of professions) {
      const rate = PROFESSION_RATE[profession.id] ?? 1;
      const base = (rate * population * regionFactor) / 100;
      const growth = 0.005 + random.next() * 0.02;
      const partTime = 0.82 + random.next() * 0.14;
      for (const year of years) {
        const mean = base * (1 + growth) ** (year - 2024);
        const count = noisyCount(mean, random.normal);
        rows.push({
          region: code,
          year,
          profession: profession.id,
          count,
          fullTimeEquivalents: Math.round(count * partTime * 10) / 10,
          source: context.syntheticSource,
          synthetic: true,
        });
      }
    }
    out[code] = rows;
  }
  return out;
}
