import type {
  HealthcareRegionMembershipRecord,
  HealthcareRegionRecord,
  MunicipalityRecord,
  RegionRecord,
} from '../../datagen/domains/samverkan/records.js';
import { type SubgraphContext, yearArg } from '../kit/index.js';
import { backbone, pick } from './backbone.js';
import { agreementsMatching, hospitalsIn } from './filters.js';

/** Region, HealthcareRegion (with its memberships) and Municipality. */

type Ctx = SubgraphContext;
type YearArgs = { activeInYear?: number | null };

export const Region = {
  __resolveReference: async (ref: { code: string }, ctx: Ctx) =>
    (await backbone(ctx)).region.get(ref.code) ?? null,
  healthcareRegions: async (r: RegionRecord, _: unknown, ctx: Ctx) =>
    pick((await backbone(ctx)).healthcareRegion, r.healthcareRegionIds),
  municipalities: async (r: RegionRecord, _: unknown, ctx: Ctx) =>
    (await backbone(ctx)).municipalities.filter((m) => m.regionCode === r.code),
  hospitals: async (r: RegionRecord, _: unknown, ctx: Ctx) =>
    (await backbone(ctx)).hospitals.filter((h) => h.regionCode === r.code),
  collaborationAgreements: async (r: RegionRecord, args: YearArgs, ctx: Ctx) =>
    agreementsMatching(await backbone(ctx), {
      region: r.code,
      year: yearArg(args.activeInYear, 'activeInYear'),
    }),
  collaborationBodies: async (r: RegionRecord, _: unknown, ctx: Ctx) =>
    (await backbone(ctx)).bodies.filter((b) => b.memberRegionCodes.includes(r.code)),
};

export const HealthcareRegion = {
  __resolveReference: async (ref: { id: string }, ctx: Ctx) =>
    (await backbone(ctx)).healthcareRegion.get(ref.id) ?? null,
  regions: (hr: HealthcareRegionRecord) => hr.memberships,
  municipalities: async (hr: HealthcareRegionRecord, _: unknown, ctx: Ctx) =>
    (await backbone(ctx)).municipalities.filter((m) => m.healthcareRegionId === hr.id),
  collaborationBody: async (hr: HealthcareRegionRecord, _: unknown, ctx: Ctx) =>
    (await backbone(ctx)).body.get(hr.collaborationBodyId),
  collaborationBodies: async (hr: HealthcareRegionRecord, _: unknown, ctx: Ctx) =>
    (await backbone(ctx)).bodies.filter((b) => b.healthcareRegionId === hr.id),
  universityHospitals: async (hr: HealthcareRegionRecord, _: unknown, ctx: Ctx) =>
    pick((await backbone(ctx)).hospital, hr.universityHospitalIds),
  hospitals: async (hr: HealthcareRegionRecord, _: unknown, ctx: Ctx) =>
    hospitalsIn(await backbone(ctx), hr.id),
  collaborationAgreements: async (hr: HealthcareRegionRecord, args: YearArgs, ctx: Ctx) =>
    agreementsMatching(await backbone(ctx), {
      healthcareRegion: hr.id,
      year: yearArg(args.activeInYear, 'activeInYear'),
    }),
  collaborationProjects: async (hr: HealthcareRegionRecord, _: unknown, ctx: Ctx) =>
    (await backbone(ctx)).projects.filter((p) => p.healthcareRegionId === hr.id),
};

export const HealthcareRegionMembership = {
  region: async (m: HealthcareRegionMembershipRecord, _: unknown, ctx: Ctx) =>
    (await backbone(ctx)).region.get(m.regionCode),
  municipalities: async (m: HealthcareRegionMembershipRecord, _: unknown, ctx: Ctx) =>
    pick((await backbone(ctx)).municipality, [...m.municipalityCodes].sort()),
};

export const Municipality = {
  __resolveReference: async (ref: { code: string }, ctx: Ctx) =>
    (await backbone(ctx)).municipality.get(ref.code) ?? null,
  region: async (m: MunicipalityRecord, _: unknown, ctx: Ctx) =>
    (await backbone(ctx)).region.get(m.regionCode),
  healthcareRegions: async (m: MunicipalityRecord, _: unknown, ctx: Ctx) =>
    pick((await backbone(ctx)).healthcareRegion, [m.healthcareRegionId]),
};
