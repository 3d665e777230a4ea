import type { Random } from '../../random.js';
import type { GenContext } from '../../types.js';
import type { CareAreaRecord } from './care-areas.js';

/** Seasonal factor per calendar month (summer and Christmas dips). */
const SEASON = [1, 1, 1.05, 1, 1, 0.9, 0.55, 0.8, 1.05, 1.05, 1.05, 0.85];
/** Share of every area's patients scattered over all regions (people treated away from home). */
const SCATTER = 0.004;

/** Monthly patients per average-sized region for the regional (non-NHV) areas. */
const REGIONAL_DEMAND: Record<string, number> = {
  thoraxkirurgi: 30,
  'hogspecialiserad-hjartsjukvard': 45,
  ryggkirurgi: 35,
  'godartad-njurkirurgi': 8,
};
const BLEKINGE_CATCHMENT = ['07', '10'];
/** Share treated in the home region when it has the service (regional areas). */
const LOCAL_SHARE: Record<string, number> = { ryggkirurgi: 0.5, 'godartad-njurkirurgi': 0.9 };

function poisson(random: Random, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda > 30) return Math.max(0, Math.round(random.normal(lambda, Math.sqrt(lambda))));
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = random.next();
  while (p > limit) {
    k += 1;
    p *= random.next();
  }
  return k;
}

/**
 * Patientflöden — SYNTHETIC monthly counts of patients per care area from a home region to the
 * treating region, written to the treating (to-)region's own `patientFlows` collection. Plausible
 * shape: NHV patients go to permit holders (mostly within their own sjukvårdsregion), regional
 * areas follow the seed agreements (Kronoberg → Blekinge for thorax and heart care, northern Skåne
 * → Kronoberg for benign kidney surgery), and a small scatter reaches every region, so many cells
 * are small. Every cell of the cube (month × care area × region pair) is written, zeros included.
 */
export function patientFlowRecords(
  context: GenContext,
  careAreas: readonly CareAreaRecord[],
  months: string[],
) {
  const { reference } = context;
  const codes = reference.regions.map((r) => r.countyCode).sort();
  const hrOf = new Map(reference.regions.map((r) => [r.countyCode, r.healthcareRegion]));
  // Relative region size: the number of municipalities (a synthetic proxy, not population).
  const size = new Map(
    reference.regions.map((r) => [r.countyCode, (r.municipalityCount * codes.length) / 290]),
  );
  const universityRegions = [
    ...new Set(reference.hospitals.filter((h) => h.level === 'UNIVERSITY').map((h) => h.regionCode)),
  ];
  const holders = new Map(
    reference.nhvDecisions.map((d) => [d.id, [...new Set(d.permitHolders.map((h) => h.countyCode))]]),
  );
  const byRegion = new Map<string, Array<Record<string, unknown>>>(codes.map((c) => [c, []]));
  const provenance = { source: context.syntheticSource, synthetic: true };

  for (const area of careAreas) {
    const random = context.random(`hogspecialiserad-vard/flows/${area.id}`);
    const demand = REGIONAL_DEMAND[area.id] ?? 0.1 + 1.5 * random.next() ** 2;
    const heart = area.id === 'thoraxkirurgi' || area.id === 'hogspecialiserad-hjartsjukvard';
    for (const from of codes) {
      const areaProviders = holders.get(area.id) ?? universityRegions;
      // Blekinge's thorax and heart care serves the Kronoberg–Blekinge catchment (seed 003).
      const providers = heart && BLEKINGE_CATCHMENT.includes(from) ? [...areaProviders, '10'] : areaProviders;
      const weights = new Map<string, number>(codes.map((to) => [to, SCATTER]));
      const local = LOCAL_SHARE[area.id] ?? (providers.includes(from) ? 0.85 : 0);
      const sameHr = providers.filter((p) => hrOf.get(p) === hrOf.get(from));
      for (const p of providers) weights.set(p, weights.get(p)! + (sameHr.includes(p) ? 10 : 1));
      if (heart && from === '07') weights.set('10', weights.get('10')! + 60);
      if (area.id === 'godartad-njurkirurgi' && from === '12') weights.set('07', weights.get('07')! + 4);
      const total = [...weights.values()].reduce((a, b) => a + b, 0);
      const lambda = demand * size.get(from)!;
      for (const to of codes) {
        const share = (1 - local) * (weights.get(to)! / total) + (to === from ? local : 0);
        const out = byRegion.get(to)!;
        for (const month of months) {
          const count = poisson(random, lambda * share * SEASON[Number(month.slice(5)) - 1]!);
          out.push({ month, careArea: area.id, fromRegion: from, toRegion: to, count, ...provenance });
        }
      }
    }
  }
  return byRegion;
}
