/**
 * Record shapes of the forskning (research) dataset, shared by the generator (which writes them)
 * and the subgraph's resolvers (which read them through RegionData). Every record carries
 * `source` and `synthetic`.
 */

export type Provenanced = {
  readonly source: string;
  readonly synthetic: boolean;
};

/** National collections (owner `national`). */
export const NATIONAL_COLLECTIONS = [
  'universities',
  'medicalFaculties',
  'alfRegions',
  'regionalCancerCentres',
  'researchStrategies',
  'hospitals',
  'healthcareRegions',
] as const;

/** Regional collections (owner = the lead region's länskod). */
export const PROJECTS = 'researchProjects';
export const TRIALS = 'clinicalTrials';

export type UniversityRecord = Provenanced & {
  readonly id: string;
  readonly name: string;
  readonly facultyId: string;
  readonly universityHospitalIds: readonly string[];
  readonly alfRegionCode: string | null;
};

export type TeachingSiteRecord = {
  readonly name: string;
  readonly regionCode: string;
};

export type MedicalFacultyRecord = Provenanced & {
  readonly id: string;
  readonly name: string;
  readonly universityId: string;
  readonly city: string;
  readonly linkedRegionCode: string;
  readonly universityHospitalId: string | null;
  readonly satelliteSites: readonly TeachingSiteRecord[];
  readonly vfuRegionCodes: readonly string[];
  readonly note: string | null;
};

export type AlfRegionRecord = Provenanced & {
  readonly regionCode: string;
  readonly agreement: string;
  readonly validFrom: string;
  readonly universityId: string;
  readonly universityHospitalId: string;
};

export type PlanTaskRecord = Provenanced & {
  readonly plan: string;
  readonly decidedBy: string;
  readonly periodStart: number;
  readonly periodEnd: number;
  readonly task: string;
};

export type RegionalCancerCentreRecord = Provenanced & {
  readonly id: string;
  readonly name: string;
  readonly formerName: string | null;
  readonly healthcareRegionId: string;
  readonly hostRegionCode: string | null;
  readonly hostRegionName: string;
  readonly hostCity: string | null;
  readonly hostConfidence: string;
  readonly hostVerified: boolean;
  readonly note: string;
  readonly planTasks: readonly PlanTaskRecord[];
};

export type ResearchStrategyRecord = Provenanced & {
  readonly id: string;
  readonly title: string;
  readonly healthcareRegionId: string;
  readonly periodStart: number;
  readonly periodEnd: number;
  readonly documentUrl: string;
  readonly contentNote: string;
  readonly followUps: readonly PlanTaskRecord[];
};

/** Hospitals the subgraph answers for (every hospital of the register), with their university. */
export type HospitalRecord = Provenanced & {
  readonly id: string;
  readonly universityId: string | null;
};

export type HealthcareRegionRecord = Provenanced & {
  readonly id: string;
  readonly regionalCancerCentreId: string;
};

export type FundingRecord = {
  readonly year: number;
  readonly funderType: string;
  readonly funderName: string;
  readonly amountSek: number;
};

export type ResearchProjectRecord = Provenanced & {
  readonly id: string;
  readonly title: string;
  readonly researchArea: string;
  readonly leadRegionCode: string;
  /** Sorted länskoder, the lead region included. */
  readonly participatingRegionCodes: readonly string[];
  readonly universityId: string;
  readonly startYear: number;
  readonly endYear: number;
  /** Sorted by year, then funder type. */
  readonly funding: readonly FundingRecord[];
};

export type RegionEnrolmentRecord = {
  readonly regionCode: string;
  /** Raw count of enrolled patients; only ever served through suppression. */
  readonly enrolled: number;
};

export type ClinicalTrialRecord = Provenanced & {
  readonly id: string;
  readonly title: string;
  readonly phase: string;
  readonly status: string;
  readonly therapeuticArea: string;
  readonly sponsorType: string;
  readonly leadRegionCode: string;
  /** Sorted länskoder, the lead region included. */
  readonly participatingRegionCodes: readonly string[];
  readonly numberOfSites: number;
  readonly startYear: number;
  readonly endYear: number | null;
  /** One entry per participating region, sorted by länskod. */
  readonly enrolmentByRegion: readonly RegionEnrolmentRecord[];
};
