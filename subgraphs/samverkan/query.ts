import {
  byKeys,
  knownIdArg,
  kommunkodArg,
  lanskodFormatArg,
  type PageArgs,
  paginate,
  regionCodeArg,
  type SubgraphContext,
  slugArg,
  yearArg,
} from '../kit/index.js';
import { nameContainsArg } from './args.js';
import { type Backbone, backbone } from './backbone.js';
import { agreementsMatching, hospitalNamed } from './filters.js';

type Filters = { region?: string | null; healthcareRegion?: string | null } & PageArgs;

/** `healthcareRegion` argument: one of the six ids; an unknown id lists the valid ones. */
const healthcareRegionArg = (data: Backbone, id: unknown, name = 'healthcareRegion') =>
  knownIdArg(id, name, data.healthcareRegion, 'a sjukvårdsregion id');

/** Root fields: lookups and filtered, paged lists over the national reference data. */
export const Query = {
  regions: async (_: unknown, __: unknown, ctx: SubgraphContext) => (await backbone(ctx)).regions,

  region: async (_: unknown, args: { code: string }, ctx: SubgraphContext) =>
    (await backbone(ctx)).region.get(lanskodFormatArg(args.code, 'code')) ?? null,

  healthcareRegions: async (_: unknown, __: unknown, ctx: SubgraphContext) =>
    (await backbone(ctx)).healthcareRegions,

  healthcareRegion: async (_: unknown, args: { id: string }, ctx: SubgraphContext) => {
    const data = await backbone(ctx);
    return data.healthcareRegion.get(healthcareRegionArg(data, args.id, 'id')!) ?? null;
  },

  municipalities: async (
    _: unknown,
    args: Filters & { nameContains?: string | null },
    ctx: SubgraphContext,
  ) => {
    const data = await backbone(ctx);
    const region = regionCodeArg(args.region, 'region');
    const healthcareRegion = healthcareRegionArg(data, args.healthcareRegion);
    const text = nameContainsArg(args.nameContains, 'nameContains');
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
    (await backbone(ctx)).municipality.get(kommunkodArg(args.code, 'code')) ?? null,

  hospitals: async (_: unknown, args: Filters & { level?: string | null }, ctx: SubgraphContext) => {
    const data = await backbone(ctx);
    const region = regionCodeArg(args.region, 'region');
    const healthcareRegion = healthcareRegionArg(data, args.healthcareRegion);
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
    (await backbone(ctx)).hospital.get(slugArg(args.id, 'id', 'sahlgrenska')) ?? null,

  hospitalByName: async (_: unknown, args: { name: string }, ctx: SubgraphContext) =>
    hospitalNamed(await backbone(ctx), nameContainsArg(args.name, 'name')!) ?? null,

  collaborationAgreements: async (
    _: unknown,
    args: Filters & { activeInYear?: number | null },
    ctx: SubgraphContext,
  ) => {
    const data = await backbone(ctx);
    const items = agreementsMatching(data, {
      region: regionCodeArg(args.region, 'region'),
      healthcareRegion: healthcareRegionArg(data, args.healthcareRegion),
      year: yearArg(args.activeInYear, 'activeInYear'),
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
    (await backbone(ctx)).agreement.get(slugArg(args.id, 'id', 'mellansverige-samverkansavtal-2021')) ?? null,

  collaborationBodies: async (_: unknown, args: Filters, ctx: SubgraphContext) => {
    const data = await backbone(ctx);
    const region = regionCodeArg(args.region, 'region');
    const healthcareRegion = healthcareRegionArg(data, args.healthcareRegion);
    return data.bodies.filter(
      (b) =>
        (region === undefined || b.memberRegionCodes.includes(region)) &&
        (healthcareRegion === undefined || b.healthcareRegionId === healthcareRegion),
    );
  },

  collaborationBody: async (_: unknown, args: { id: string }, ctx: SubgraphContext) =>
    (await backbone(ctx)).body.get(slugArg(args.id, 'id', 'sodra-ledningsgrupp')) ?? null,

  collaborationProjects: async (_: unknown, args: Filters, ctx: SubgraphContext) => {
    const data = await backbone(ctx);
    const region = regionCodeArg(args.region, 'region');
    const healthcareRegion = healthcareRegionArg(data, args.healthcareRegion);
    return data.projects.filter(
      (p) =>
        (region === undefined || p.participantRegionCodes.includes(region)) &&
        (healthcareRegion === undefined || p.healthcareRegionId === healthcareRegion),
    );
  },

  activityPlan: async (_: unknown, args: { id: string }, ctx: SubgraphContext) =>
    (await backbone(ctx)).activityPlan.get(
      slugArg(args.id, 'id', 'mellansverige-verksamhetsplan-2021-2024'),
    ) ?? null,
};
