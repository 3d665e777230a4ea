/**
 * Records of the samverkan dataset (owner `national`, domain `samverkan`): what the generator
 * writes and the subgraph reads. All are real reference data (`synthetic: false`).
 */
import type { BodyFact, ProjectFact } from './facts.js';

export const SAMVERKAN_COLLECTIONS = [
  'regions',
  'healthcareRegions',
  'municipalities',
  'hospitals',
  'collaborationBodies',
  'collaborationAgreements',
  'activityPlans',
  'collaborationProjects',
] as const;

export type SamverkanCollection = (typeof SAMVERKAN_COLLECTIONS)[number];

type Provenance = { source: string; synthetic: boolean };

export type RegionRecord = Provenance & {
  code: string;
  name: string;
  countyName: string;
  shortName: string;
  countyLetter: string;
  koladaId: string;
  socialstyrelsenRegionId: number;
  municipalityCount: number;
  /** Every sjukvårdsregion the region belongs to (Halland: two), sorted. */
  healthcareRegionIds: string[];
  note: string | null;
};

export type HealthcareRegionMembershipRecord = {
  regionCode: string;
  partial: boolean;
  /** The region's municipalities that belong to this sjukvårdsregion (all of them unless partial). */
  municipalityCodes: string[];
};

export type HealthcareRegionRecord = Provenance & {
  id: string;
  name: string;
  nameEn: string;
  memberships: HealthcareRegionMembershipRecord[];
  collaborationBodyId: string;
  universityHospitalIds: string[];
  formerNames: string[];
  municipalityCount: number;
  note: string | null;
};

export type MunicipalityRecord = Provenance & {
  code: string;
  name: string;
  regionCode: string;
  /** The one sjukvårdsregion the municipality belongs to. */
  healthcareRegionId: string;
  note: string | null;
};

export type HospitalLevel = 'UNIVERSITY' | 'COUNTY' | 'SPECIALIST';

export type HospitalRecord = Provenance & {
  id: string;
  name: string;
  regionCode: string;
  city: string;
  /** Municipality whose name is the hospital's city, in the hospital's county; null if none. */
  municipalityCode: string | null;
  healthcareRegionId: string | null;
  sites: string[];
  level: HospitalLevel;
  aliases: string[];
  sources: string[];
  verified: boolean;
  note: string | null;
};

export type CollaborationBodyKind =
  | 'JOINT_COMMITTEE'
  | 'FEDERATION_OF_REGIONS'
  | 'AGREEMENT_BASED'
  | 'POLITICAL_STEERING_GROUP'
  | 'MANAGEMENT_GROUP'
  | 'COORDINATION_GROUP';

/** A collaboration body as served: the curated fact plus its provenance. */
export type CollaborationBodyRecord = Provenance & BodyFact;

export type SubjectAreaRecord = { id: string; name: string; nameEn: string };

export type AgreementPeriodRecord = {
  fromYear: number | null;
  toYear: number | null;
  startDate: string | null;
  endDate: string | null;
  note: string | null;
};

export type CollaborationAgreementRecord = Provenance & {
  id: string;
  title: string;
  partyRegionCodes: string[];
  healthcareRegionId: string | null;
  collaborationBodyId: string | null;
  period: AgreementPeriodRecord;
  confirmedInForceOn: string | null;
  extensionOption: boolean | null;
  extensionNote: string | null;
  subjectAreas: SubjectAreaRecord[];
  subjectAreasComplete: boolean;
  contents: string[];
  purpose: string | null;
  notes: string[];
  sources: string[];
};

export type ActivityPlanItemRecord = Provenance & {
  position: number;
  text: string;
  ocrText: string;
  reference: string | null;
};

export type ActivityPlanRecord = Provenance & {
  id: string;
  title: string;
  agreementId: string;
  adoptedByBodyId: string | null;
  fromYear: number;
  toYear: number;
  description: string | null;
  note: string | null;
  sources: string[];
  items: ActivityPlanItemRecord[];
};

/** A collaboration project as served: the curated fact plus its provenance. */
export type CollaborationProjectRecord = Provenance & ProjectFact;
