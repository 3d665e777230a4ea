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
import { indexBy, nationalView, type SubgraphContext } from '../kit/index.js';

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

/**
 * All national collections, requested together so that they travel in one source call per request
 * (the kit's `nationalView`: memoised per request, rebuilt only when the data changes).
 */
export const nationalData: (ctx: SubgraphContext) => Promise<NationalData> = nationalView(
  NATIONAL_COLLECTIONS,
  (loaded) => {
    const as = <T>(name: (typeof NATIONAL_COLLECTIONS)[number]) => loaded[name] as unknown as readonly T[];
    const universities = as<UniversityRecord>('universities');
    const medicalFaculties = as<MedicalFacultyRecord>('medicalFaculties');
    const alfRegions = as<AlfRegionRecord>('alfRegions');
    return {
      universities,
      medicalFaculties,
      alfRegions,
      regionalCancerCentres: as<RegionalCancerCentreRecord>('regionalCancerCentres'),
      researchStrategies: as<ResearchStrategyRecord>('researchStrategies'),
      universityById: indexBy(universities, 'id'),
      facultyById: indexBy(medicalFaculties, 'id'),
      alfByRegion: indexBy(alfRegions, 'regionCode'),
      hospitalById: indexBy(as<HospitalRecord>('hospitals'), 'id'),
      healthcareRegionById: indexBy(as<HealthcareRegionRecord>('healthcareRegions'), 'id'),
    };
  },
);
