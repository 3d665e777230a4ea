import type { GraphQLResolveInfo } from 'graphql';
import {
  byKeys,
  type PageArgs,
  paginate,
  paginateCollected,
  reportPartial,
  type SourceRecord,
  type SubgraphContext,
  suppress,
} from '../kit/index.js';
import { checkRegion, checkYear, filterOf } from './args.js';
import { professionOf, regionScope, requireProfession } from './lookups.js';

/** Personal — SYNTHETIC workforce figures per region × profession × year (collection `workforce`). */

interface WorkforceArgs extends PageArgs {
  year?: number | null;
  region?: string | null;
  healthcareRegion?: string | null;
  profession?: string | null;
}

type Figure = SourceRecord & { count: number | null; suppressed: boolean };

function figure(record: SourceRecord, threshold: number): Figure {
  const cell = suppress(Number(record.count), threshold);
  return { ...record, ...cell, fullTimeEquivalents: cell.suppressed ? null : record.fullTimeEquivalents };
}

const order = byKeys<Figure>(
  (f) => String(f.region),
  (f) => String(f.profession),
  (f) => Number(f.year),
);

/** Query.workforce: fan-out over the regions in scope; failed regions are reported, not fatal. */
export async function workforceQuery(
  _root: unknown,
  args: WorkforceArgs,
  ctx: SubgraphContext,
  info: GraphQLResolveInfo,
) {
  checkYear(args.year);
  checkRegion(ctx, args.region);
  const filter = filterOf({ year: args.year, profession: args.profession });
  const [collected] = await Promise.all([
    regionScope(ctx, args).then((regions) => ctx.data.collect('workforce', { regions, filter })),
    requireProfession(ctx, args.profession),
  ]);
  reportPartial(ctx, info, collected.errors);
  const threshold = ctx.suppressionThreshold;
  return paginateCollected(collected, (records) => records.map((r) => figure(r, threshold)), args, order);
}

/** Region.workforce: one region's own source; its failure makes the field null with an error. */
export async function regionWorkforce(parent: { code: string }, args: WorkforceArgs, ctx: SubgraphContext) {
  checkYear(args.year);
  const filter = filterOf({ year: args.year, profession: args.profession });
  const [records] = await Promise.all([
    ctx.data.region(parent.code, 'workforce', filter),
    requireProfession(ctx, args.profession),
  ]);
  const threshold = ctx.suppressionThreshold;
  return paginate(
    records.map((r) => figure(r, threshold)),
    args,
    order,
  );
}

export const WorkforceFigure = {
  region: (figure: SourceRecord) => ({ code: figure.region }),
  profession: (figure: SourceRecord, _args: unknown, ctx: SubgraphContext) =>
    professionOf(ctx, figure.profession),
};
