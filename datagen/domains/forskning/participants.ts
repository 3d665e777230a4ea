import type { Random } from '../../random.js';
import type { Reference } from '../../reference.js';
import type { UniversityRecord } from './records.js';

/** Picks partner regions and the university of a synthetic project or trial. */
export interface Participants {
  /** Sorted länskoder: the lead and `extra` partners, preferably from its own sjukvårdsregion. */
  regions(random: Random, lead: string, extra: number): string[];
  /** A university of the lead region's sjukvårdsregion(er) (its own when it is an ALF region). */
  university(random: Random, lead: string): string;
}

export function participants(reference: Reference, universities: readonly UniversityRecord[]): Participants {
  const codes = reference.regions.map((r) => r.countyCode);
  const healthcareRegionsOf = new Map(reference.regions.map((r) => [r.countyCode, r.healthcareRegionsAll]));
  const neighbours = new Map(
    codes.map((code) => {
      const own = new Set(healthcareRegionsOf.get(code));
      return [code, codes.filter((c) => c !== code && healthcareRegionsOf.get(c)!.some((hr) => own.has(hr)))];
    }),
  );
  const universityOfRegion = new Map(
    universities.filter((u) => u.alfRegionCode).map((u) => [u.alfRegionCode!, u.id]),
  );
  return {
    regions(random, lead, extra) {
      const chosen = new Set([lead]);
      for (let tries = 0; chosen.size < extra + 1 && tries < 50; tries++) {
        const pool = random.chance(0.7) ? neighbours.get(lead)! : codes;
        if (pool.length > 0) chosen.add(random.pick(pool));
      }
      return [...chosen].sort();
    },
    university(random, lead) {
      const own = universityOfRegion.get(lead);
      if (own) return own;
      const near = neighbours
        .get(lead)!
        .map((c) => universityOfRegion.get(c))
        .filter((u): u is string => u !== undefined);
      return near.length > 0 ? random.pick(near) : random.pick([...universityOfRegion.values()].sort());
    },
  };
}
