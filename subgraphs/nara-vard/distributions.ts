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
import { as, type DistributionRecord, distributionOrder } from './records.js';

/** Resursfördelning — resources distributed from a region to its municipalities (public facts, totals only). */

const COLLECTION = 'resourceDistributions';

interface DistributionArgs extends PageArgs {
  region?: string | null;
  year?: number | null;
}

function inYear(year: number | undefined) {
  return (d: DistributionRecord) => year === undefined || d.announcedDate.startsWith(`${year}-`);
}

export const distributionResolvers: SubgraphResolvers = {
  Query: {
    resourceDistributions: async (
      _root,
      args: DistributionArgs,
      ctx: SubgraphContext,
      info: GraphQLResolveInfo,
    ) => {
      pageWindow(args);
      const region = regionCodeArg(args.region, 'region');
      const year = yearArg(args.year, 'year');
      const collected = await ctx.data.collect(COLLECTION, { regions: region ? [region] : undefined });
      reportPartial(ctx, info, collected.errors);
      return paginateCollected(
        collected,
        (records) => as<DistributionRecord>(records).filter(inYear(year)),
        args,
        distributionOrder,
      );
    },
  },
  ResourceDistribution: {
    region: (d: DistributionRecord) => ({ code: d.regionCode }),
  },
};

/** Region.resourceDistributions. */
export async function regionDistributions(code: string, args: DistributionArgs, ctx: SubgraphContext) {
  const year = yearArg(args.year, 'year');
  const records = as<DistributionRecord>(await ctx.data.region(code, COLLECTION));
  return paginate(records.filter(inYear(year)), args, distributionOrder);
}
