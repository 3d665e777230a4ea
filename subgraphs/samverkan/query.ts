import { byKeys, type PageArgs, paginate, type SubgraphContext } from '../kit/index.js';
import {
  healthcareRegionFilter,
  kommunkodArg,
  lanskodArg,
  nameContainsArg,
  regionFilter,
  slugArg,
  yearArg,
} from './args.js';
import { backbone } from './backbone.js';
import { agreementsMatching, hospitalNamed } from './filters.js';

type Filters = { region?: string | null; healthcareRegion?: string | null } & PageArgs;

/** Root fields: lookups and filtered, paged lists over the national reference data. */
export const Query = {
  regions: async (_: unknown, __: unknown, ctx: SubgraphContext) => (await backbone(ctx)).regions,

  region: async (_: unknown, args: { code: string }, ctx: SubgraphContext) =>
    (await backbone(ctx)).region.get(lanskodArg(args.code)) ?? null,

  healthcareRegions: async (_: unknown, __: unknown, ctx: SubgraphContext) =>
    (await backbone(ctx)).healthcareRegions,

  healthcareRegion: async (_: unknown, args: { id: string }, ctx: SubgraphContext) => {
    const data = await backbone(ctx);
    return data.healthcareRegion.get(healthcareRegionFilter(data, args.id, 'id')!) ?? null;
  },

  municipalities: async (
    _: unknown,
    args: Filters & { nameContains?: string | null },
    ctx: SubgraphContext,
  ) => {
    const data = await backbone(ctx);
    const region = regionFilter(data, args.region);
    const healthcareRegion = healthcareRegionFilter(data, args.healthcareRegion);
    const text = nameContainsArg(args.nameContains);
    const items = data.municipalities.filter(
      (m) =>
        (region === undefined || m.regionCode === region) &&
        (healthcareRegion === undefined || m.healthcareRegionId === healthcareRegion) &&
        (text === undefined || m.name.toLocaleLowerCase('sv').includes(text)),
    );
    return paginate(
      items,
      args,
      byKeys((m) => m.code),
    );
  },

  municipality: async (_: unknown, args: { code: string }, ctx: SubgraphContext) =>
    (await backbone(ctx)).municipality.get(kommunkodArg(args.code)) ?? null,

  hospitals: async (_: unknown, args: Filters & { level?: string | null }, ctx: SubgraphContext) => {
    const data = await backbone(ctx);
    const region = regionFilter(data, args.region);
    const healthcareRegion = healthcareRegionFilter(data, args.healthcareRegion);
    const items = data.hospitals.filter(
      (h) =>
        (region === undefined || h.regionCode === region) &&
        (healthcareRegion === undefined || h.healthcareRegionId === healthcareRegion) &&
        (args.level == null || h.level === args.level),
    );
    return paginate(
      items,
      args,
      byKeys(
        (h) => h.regionCode,
        (h) => h.name,
        (h) => h.id,
      ),
    );
  },

  hospital: async (_: unknown, args: { id: string }, ctx: SubgraphContext) =>
    (await backbone(ctx)).hospital.get(slugArg(args.id)) ?? null,

  hospitalByName: async (_: unknown, args: { name: string }, ctx: SubgraphContext) =>
    hospitalNamed(await backbone(ctx), nameContainsArg(args.name, 'name')!) ?? null,

  collaborationAgreements: async (
    _: unknown,
    args: Filters & { activeInYear?: number | null },
    ctx: SubgraphContext,
  ) => {
    const data = await backbone(ctx);
    const items = agreementsMatching(data, {
      region: regionFilter(data, args.region),
      healthcareRegion: healthcareRegionFilter(data, args.healthcareRegion),
      year: yearArg(args.activeInYear),
    });
    return paginate(
      items,
      args,
      byKeys(
        (a) => a.period.fromYear,
        (a) => a.id,
      ),
    );
  },

  collaborationAgreement: async (_: unknown, args: { id: string }, ctx: SubgraphContext) =>
    (await backbone(ctx)).agreement.get(slugArg(args.id)) ?? null,

  collaborationBodies: async (_: unknown, args: Filters, ctx: SubgraphContext) => {
    const data = await backbone(ctx);
    const region = regionFilter(data, args.region);
    const healthcareRegion = healthcareRegionFilter(data, args.healthcareRegion);
    return data.bodies.filter(
      (b) =>
        (region === undefined || b.memberRegionCodes.includes(region)) &&
        (healthcareRegion === undefined || b.healthcareRegionId === healthcareRegion),
    );
  },

  collaborationBody: async (_: unknown, args: { id: string }, ctx: SubgraphContext) =>
    (await backbone(ctx)).body.get(slugArg(args.id)) ?? null,

  collaborationProjects: async (_: unknown, args: Filters, ctx: SubgraphContext) => {
    const data = await backbone(ctx);
    const region = regionFilter(data, args.region);
    const healthcareRegion = healthcareRegionFilter(data, args.healthcareRegion);
    return data.projects.filter(
      (p) =>
        (region === undefined || p.participantRegionCodes.includes(region)) &&
        (healthcareRegion === undefined || p.healthcareRegionId === healthcareRegion),
    );
  },

  activityPlan: async (_: unknown, args: { id: string }, ctx: SubgraphContext) =>
    (await backbone(ctx)).activityPlan.get(slugArg(args.id)) ?? null,
};
