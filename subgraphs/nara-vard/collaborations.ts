import type { GraphQLResolveInfo } from 'graphql';
import {
  type PageArgs,
  pageWindow,
  paginate,
  paginateCollected,
  regionCodeArg,
  reportPartial,
  type SubgraphContext,
  type SubgraphResolvers,
  yearArg,
} from '../kit/index.js';
import { municipalityArg, regionsNamed } from './args.js';
import { as, type CollaborationRecord, collaborationOrder } from './records.js';

/** Samverkan för nära vård — region–municipality collaborations (real facts from the regions' documents). */

const COLLECTION = 'naraVardCollaborations';

interface RootArgs extends PageArgs {
  region?: string | null;
  municipality?: string | null;
  year?: number | null;
  kind?: string | null;
}

export const collaborationResolvers: SubgraphResolvers = {
  Query: {
    naraVardCollaborations: async (_root, args: RootArgs, ctx: SubgraphContext, info: GraphQLResolveInfo) => {
      pageWindow(args);
      const region = regionCodeArg(args.region, 'region');
      const municipality = await municipalityArg(ctx, args.municipality);
      const year = yearArg(args.year, 'year');
      const collected = await ctx.data.collect(COLLECTION, { regions: regionsNamed(region, municipality) });
      reportPartial(ctx, info, collected.errors);
      return paginateCollected(
        collected,
        (records) =>
          as<CollaborationRecord>(records).filter(
            (c) =>
              (!region || c.regionCode === region) &&
              (!municipality || (c.municipalityCodes ?? []).includes(municipality.code)) &&
              (year === undefined || c.adoptedYear === year) &&
              (!args.kind || c.kind === args.kind),
          ),
        args,
        collaborationOrder,
      );
    },
    naraVardCollaboration: async (_root, args: { id: string }, ctx: SubgraphContext) => {
      const collected = await ctx.data.collect(COLLECTION);
      const found = as<CollaborationRecord>(collected.records).find((c) => c.id === args.id);
      if (found) return found;
      // Not found while a region is missing: the answer is unknown, not null.
      if (collected.errors.length > 0) throw collected.errors[0];
      return null;
    },
  },
  NaraVardCollaboration: {
    region: (c: CollaborationRecord) => ({ code: c.regionCode }),
    municipalities: (c: CollaborationRecord) => (c.municipalityCodes ?? []).map((code) => ({ code })),
    municipalityCount: (c: CollaborationRecord) => (c.municipalityCodes ?? []).length,
    parties: (c: CollaborationRecord) =>
      (c.parties ?? []).map((p) => ({
        name: p.name,
        kind: p.kind,
        region: p.regionCode ? { code: p.regionCode } : null,
        municipality: p.municipalityCode ? { code: p.municipalityCode } : null,
      })),
  },
};

/** Region.naraVardCollaborations: the region's own collaborations. */
export async function regionCollaborations(code: string, args: PageArgs, ctx: SubgraphContext) {
  const records = as<CollaborationRecord>(await ctx.data.region(code, COLLECTION));
  return paginate(records, args, collaborationOrder);
}

/** Municipality.naraVardCollaborations: collaborations (in its region's source) it takes part in. */
export async function municipalityCollaborations(code: string, args: PageArgs, ctx: SubgraphContext) {
  const records = as<CollaborationRecord>(await ctx.data.region(code.slice(0, 2), COLLECTION));
  return paginate(
    records.filter((c) => (c.municipalityCodes ?? []).includes(code)),
    args,
    collaborationOrder,
  );
}
