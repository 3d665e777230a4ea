import type { GraphQLResolveInfo } from 'graphql';
import { badInput } from '../../core/errors.js';
import {
  type PageArgs,
  pageWindow,
  paginate,
  paginateCollected,
  regionCodeArg,
  reportPartial,
  type SubgraphContext,
  type SubgraphResolvers,
  suppress,
} from '../kit/index.js';
import { municipalityArg, regionsNamed } from './args.js';
import { as, type PrimaryCareUnitRecord, unitOrder } from './records.js';

/** Vårdcentraler — SYNTHETIC primary care units, one collection per region's source. */

const COLLECTION = 'primaryCareUnits';

interface UnitArgs extends PageArgs {
  region?: string | null;
  municipality?: string | null;
  operator?: string | null;
}

function matches(args: UnitArgs, municipality: string | undefined) {
  return (u: PrimaryCareUnitRecord) =>
    (!municipality || u.municipalityCode === municipality) &&
    (!args.operator || u.operator === args.operator);
}

export const primaryCareResolvers: SubgraphResolvers = {
  Query: {
    primaryCareUnits: async (_root, args: UnitArgs, ctx: SubgraphContext, info: GraphQLResolveInfo) => {
      pageWindow(args);
      const region = regionCodeArg(args.region, 'region');
      const municipality = await municipalityArg(ctx, args.municipality);
      const collected = await ctx.data.collect(COLLECTION, { regions: regionsNamed(region, municipality) });
      reportPartial(ctx, info, collected.errors);
      return paginateCollected(
        collected,
        (records) =>
          as<PrimaryCareUnitRecord>(records).filter(
            (u) => (!region || u.regionCode === region) && matches(args, municipality?.code)(u),
          ),
        args,
        unitOrder,
      );
    },
    primaryCareUnit: async (_root, args: { id: string }, ctx: SubgraphContext) => {
      if (!/^\d{4}-vc-\d{2,4}$/.test(args.id)) {
        throw badInput('id must be a primary care unit id like "1880-vc-03"', 'id');
      }
      const region = args.id.slice(0, 2);
      if (!ctx.data.regions().includes(region)) return null;
      const records = as<PrimaryCareUnitRecord>(await ctx.data.region(region, COLLECTION));
      return records.find((u) => u.id === args.id) ?? null;
    },
  },
  PrimaryCareUnit: {
    region: (u: PrimaryCareUnitRecord) => ({ code: u.regionCode }),
    municipality: (u: PrimaryCareUnitRecord) => ({ code: u.municipalityCode }),
    listedPatients: (u: PrimaryCareUnitRecord, _args: unknown, ctx: SubgraphContext) =>
      suppress(u.listedPatients, ctx.suppressionThreshold),
  },
};

/** Region.primaryCareUnits (optionally one of its municipalities). */
export async function regionUnits(code: string, args: UnitArgs, ctx: SubgraphContext) {
  const municipality = await municipalityArg(ctx, args.municipality);
  const records = as<PrimaryCareUnitRecord>(await ctx.data.region(code, COLLECTION));
  return paginate(records.filter(matches(args, municipality?.code)), args, unitOrder);
}

/** Municipality.primaryCareUnits: units in the municipality, from its region's source. */
export async function municipalityUnits(code: string, args: UnitArgs, ctx: SubgraphContext) {
  const records = as<PrimaryCareUnitRecord>(await ctx.data.region(code.slice(0, 2), COLLECTION));
  return paginate(records.filter(matches(args, code)), args, unitOrder);
}
