import type {
  ActivityPlanRecord,
  CollaborationAgreementRecord,
  CollaborationBodyRecord,
  CollaborationProjectRecord,
  HospitalRecord,
} from '../../datagen/domains/samverkan/records.js';
import type { SubgraphContext } from '../kit/index.js';
import { backbone, pick } from './backbone.js';

/** Hospital, CollaborationBody, CollaborationAgreement, ActivityPlan and CollaborationProject. */

type Ctx = SubgraphContext;

export const Hospital = {
  __resolveReference: async (ref: { id: string }, ctx: Ctx) =>
    (await backbone(ctx)).hospital.get(ref.id) ?? null,
  region: async (h: HospitalRecord, _: unknown, ctx: Ctx) => (await backbone(ctx)).region.get(h.regionCode),
  municipality: async (h: HospitalRecord, _: unknown, ctx: Ctx) =>
    h.municipalityCode === null ? null : ((await backbone(ctx)).municipality.get(h.municipalityCode) ?? null),
  healthcareRegion: async (h: HospitalRecord, _: unknown, ctx: Ctx) =>
    h.healthcareRegionId === null
      ? null
      : ((await backbone(ctx)).healthcareRegion.get(h.healthcareRegionId) ?? null),
};

export const CollaborationBody = {
  __resolveReference: async (ref: { id: string }, ctx: Ctx) => (await backbone(ctx)).body.get(ref.id) ?? null,
  healthcareRegion: async (b: CollaborationBodyRecord, _: unknown, ctx: Ctx) =>
    b.healthcareRegionId === null
      ? null
      : ((await backbone(ctx)).healthcareRegion.get(b.healthcareRegionId) ?? null),
  members: async (b: CollaborationBodyRecord, _: unknown, ctx: Ctx) =>
    pick((await backbone(ctx)).region, [...b.memberRegionCodes].sort()),
  collaborationAgreements: async (b: CollaborationBodyRecord, _: unknown, ctx: Ctx) =>
    (await backbone(ctx)).agreements.filter((a) => a.collaborationBodyId === b.id),
};

export const CollaborationAgreement = {
  __resolveReference: async (ref: { id: string }, ctx: Ctx) =>
    (await backbone(ctx)).agreement.get(ref.id) ?? null,
  parties: async (a: CollaborationAgreementRecord, _: unknown, ctx: Ctx) =>
    pick((await backbone(ctx)).region, [...a.partyRegionCodes].sort()),
  healthcareRegion: async (a: CollaborationAgreementRecord, _: unknown, ctx: Ctx) =>
    a.healthcareRegionId === null
      ? null
      : ((await backbone(ctx)).healthcareRegion.get(a.healthcareRegionId) ?? null),
  collaborationBody: async (a: CollaborationAgreementRecord, _: unknown, ctx: Ctx) =>
    a.collaborationBodyId === null ? null : ((await backbone(ctx)).body.get(a.collaborationBodyId) ?? null),
  activityPlans: async (a: CollaborationAgreementRecord, _: unknown, ctx: Ctx) =>
    (await backbone(ctx)).activityPlans.filter((p) => p.agreementId === a.id),
};

export const ActivityPlan = {
  agreement: async (p: ActivityPlanRecord, _: unknown, ctx: Ctx) =>
    (await backbone(ctx)).agreement.get(p.agreementId),
  adoptedBy: async (p: ActivityPlanRecord, _: unknown, ctx: Ctx) =>
    p.adoptedByBodyId === null ? null : ((await backbone(ctx)).body.get(p.adoptedByBodyId) ?? null),
  items: (p: ActivityPlanRecord) => [...p.items].sort((a, b) => a.position - b.position),
};

export const CollaborationProject = {
  healthcareRegion: async (p: CollaborationProjectRecord, _: unknown, ctx: Ctx) =>
    p.healthcareRegionId === null
      ? null
      : ((await backbone(ctx)).healthcareRegion.get(p.healthcareRegionId) ?? null),
  participants: async (p: CollaborationProjectRecord, _: unknown, ctx: Ctx) =>
    pick((await backbone(ctx)).region, [...p.participantRegionCodes].sort()),
  hospitals: async (p: CollaborationProjectRecord, _: unknown, ctx: Ctx) =>
    pick((await backbone(ctx)).hospital, [...p.hospitalIds].sort()),
};
