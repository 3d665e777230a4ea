import type {
  AlfRegionRecord,
  HealthcareRegionRecord,
  HospitalRecord,
  MedicalFacultyRecord,
  RegionalCancerCentreRecord,
  ResearchStrategyRecord,
  UniversityRecord,
} from '../../datagen/domains/forskning/records.js';
import { NATIONAL_COLLECTIONS } from '../../datagen/domains/forskning/records.js';
import type { SubgraphContext } from '../kit/index.js';

/** The national (real, public) research reference data, indexed for lookups. */
export interface NationalData {
  readonly universities: readonly UniversityRecord[];
  readonly medicalFaculties: readonly MedicalFacultyRecord[];
  readonly alfRegions: readonly AlfRegionRecord[];
  readonly regionalCancerCentres: readonly RegionalCancerCentreRecord[];
  readonly researchStrategies: readonly ResearchStrategyRecord[];
  readonly universityById: ReadonlyMap<string, UniversityRecord>;
  readonly facultyById: ReadonlyMap<string, MedicalFacultyRecord>;
  readonly alfByRegion: ReadonlyMap<string, AlfRegionRecord>;
  readonly hospitalById: ReadonlyMap<string, HospitalRecord>;
  readonly healthcareRegionById: ReadonlyMap<string, HealthcareRegionRecord>;
}

const perRequest = new WeakMap<SubgraphContext, Promise<NationalData>>();

/**
 * All national collections, requested together so that they travel in one source call per request
 * (later calls in the same request reuse the result).
 */
export function nationalData(ctx: SubgraphContext): Promise<NationalData> {
  let data = perRequest.get(ctx);
  if (!data) {
    data = load(ctx);
    perRequest.set(ctx, data);
  }
  return data;
}

async function load(ctx: SubgraphContext): Promise<NationalData> {
  const loaded = await Promise.all(NATIONAL_COLLECTIONS.map((c) => ctx.data.national(c)));
  const byName = Object.fromEntries(NATIONAL_COLLECTIONS.map((c, i) => [c, loaded[i]!])) as Record<
    (typeof NATIONAL_COLLECTIONS)[number],
    readonly unknown[]
  >;
  const universities = byName.universities as UniversityRecord[];
  const medicalFaculties = byName.medicalFaculties as MedicalFacultyRecord[];
  const alfRegions = byName.alfRegions as AlfRegionRecord[];
  return {
    universities,
    medicalFaculties,
    alfRegions,
    regionalCancerCentres: byName.regionalCancerCentres as RegionalCancerCentreRecord[],
    researchStrategies: byName.researchStrategies as ResearchStrategyRecord[],
    universityById: new Map(universities.map((u) => [u.id, u])),
    facultyById: new Map(medicalFaculties.map((f) => [f.id, f])),
    alfByRegion: new Map(alfRegions.map((a) => [a.regionCode, a])),
    hospitalById: new Map((byName.hospitals as HospitalRecord[]).map((h) => [h.id, h])),
    healthcareRegionById: new Map(
      (byName.healthcareRegions as HealthcareRegionRecord[]).map((h) => [h.id, h]),
    ),
  };
}
