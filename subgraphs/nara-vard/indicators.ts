import type { GraphQLResolveInfo } from 'graphql';
import {
  byKeys,
  filterOf,
  indexBy,
  type PageArgs,
  pageWindow,
  paginate,
  paginateCollected,
  regionCodeArg,
  reportPartial,
  type SourceFilter,
  type SourceRecord,
  type SubgraphContext,
  type SubgraphResolvers,
  yearArg,
} from '../kit/index.js';
import { indicatorArg, municipalityArg, regionsNamed } from './args.js';
import { as, type IndicatorRecord, type IndicatorValueRecord, indicatorValueOrder } from './records.js';

/**
 * Indikatorer — the indicator catalogue (national) and SYNTHETIC values per region and
 * municipality (each region's source), shaped like Kolada KPI values.
 */

const VALUES = 'indicatorValues';

interface ValueArgs extends PageArgs {
  indicator?: string | null;
  region?: string | null;
  municipality?: string | null;
  level?: string | null;
  year?: number | null;
  gender?: string | null;
}

/** The equality filter for the value arguments (pushed down to the source, re-checked here). */
async function valueFilter(ctx: SubgraphContext, args: ValueArgs) {
  return filterOf({
    indicatorId: await indicatorArg(ctx, args.indicator),
    period: yearArg(args.year, 'year'),
    gender: args.gender ?? undefined,
    level: args.level ?? undefined,
  });
}

function matching(records: readonly SourceRecord[], filter: SourceFilter) {
  const entries = Object.entries(filter);
  return as<IndicatorValueRecord>(records.filter((r) => entries.every(([key, value]) => r[key] === value)));
}

export const indicatorResolvers: SubgraphResolvers = {
  NaraVardGender: { TOTAL: 'T', WOMEN: 'K', MEN: 'M' },
  Query: {
    naraVardIndicators: async (_root, _args, ctx: SubgraphContext) =>
      [...as<IndicatorRecord>(await ctx.data.national('indicators'))].sort(byKeys((i) => i.id)),
    naraVardIndicatorValues: async (
      _root,
      args: ValueArgs,
      ctx: SubgraphContext,
      info: GraphQLResolveInfo,
    ) => {
      pageWindow(args);
      const region = regionCodeArg(args.region, 'region');
      const municipality = await municipalityArg(ctx, args.municipality);
      const filter = {
        ...(await valueFilter(ctx, args)),
        ...filterOf({ regionCode: region, municipalityCode: municipality?.code }),
      };
      const collected = await ctx.data.collect(VALUES, {
        regions: regionsNamed(region, municipality),
        filter,
      });
      reportPartial(ctx, info, collected.errors);
      return paginateCollected(collected, (records) => matching(records, filter), args, indicatorValueOrder);
    },
  },
  NaraVardIndicatorValue: {
    indicator: async (v: IndicatorValueRecord, _args: unknown, ctx: SubgraphContext) =>
      indexBy(as<IndicatorRecord>(await ctx.data.national('indicators')), 'id').get(v.indicatorId),
    region: (v: IndicatorValueRecord) => ({ code: v.regionCode }),
    municipality: (v: IndicatorValueRecord) => (v.municipalityCode ? { code: v.municipalityCode } : null),
    value: (v: IndicatorValueRecord, _args: unknown, ctx: SubgraphContext) =>
      hidden(v, ctx) ? null : v.value,
    suppressed: (v: IndicatorValueRecord, _args: unknown, ctx: SubgraphContext) => hidden(v, ctx),
  },
};

/** A count of people below the suppression threshold is never served. */
function hidden(v: IndicatorValueRecord, ctx: SubgraphContext): boolean {
  return v.countsPeople && v.value !== null && v.value > 0 && v.value < ctx.suppressionThreshold;
}

/** Region.regionIndicators: region-level values only. */
export async function regionIndicatorValues(code: string, args: ValueArgs, ctx: SubgraphContext) {
  const filter = { ...(await valueFilter(ctx, { ...args, level: 'REGION' })), areaCode: code };
  const records = await ctx.data.region(code, VALUES, filter);
  return paginate(matching(records, filter), args, indicatorValueOrder);
}

/** Municipality.indicators: the municipality's values, from its region's source. */
export async function municipalityIndicatorValues(code: string, args: ValueArgs, ctx: SubgraphContext) {
  const filter = { ...(await valueFilter(ctx, args)), municipalityCode: code };
  const records = await ctx.data.region(code.slice(0, 2), VALUES, filter);
  return paginate(matching(records, filter), args, indicatorValueOrder);
}
