import type { GraphQLResolveInfo } from 'graphql';
import {
  byKeys,
  filterOf,
  type PageArgs,
  regionCodeArg,
  type SourceRecord,
  type SubgraphContext,
  suppress,
} from '../kit/index.js';
import { checkYear } from './args.js';
import { type CellCollection, regionCells, scopedCells } from './cells.js';
import { professionOf, requireProfession } from './lookups.js';

/** Personal — SYNTHETIC workforce figures per region × profession × year (collection `workforce`). */

interface WorkforceArgs extends PageArgs {
  year?: number | null;
  region?: string | null;
  healthcareRegion?: string | null;
  profession?: string | null;
}

type Figure = SourceRecord & { count: number | null; suppressed: boolean };

const figures: CellCollection<Figure> = {
  collection: 'workforce',
  cell: (record, threshold) => {
    const cell = suppress(Number(record.count), threshold);
    return { ...record, ...cell, fullTimeEquivalents: cell.suppressed ? null : record.fullTimeEquivalents };
  },
  order: byKeys<Figure>(
    (f) => String(f.region),
    (f) => String(f.profession),
    (f) => Number(f.year),
  ),
};

function filterFor(args: WorkforceArgs) {
  checkYear(args.year);
  return filterOf({ year: args.year, profession: args.profession });
}

/** Query.workforce: fan-out over the regions in scope; failed regions are reported, not fatal. */
export async function workforceQuery(
  _root: unknown,
  args: WorkforceArgs,
  ctx: SubgraphContext,
  info: GraphQLResolveInfo,
) {
  const filter = filterFor(args);
  regionCodeArg(args.region, 'region');
  return scopedCells(figures, ctx, info, args, filter, requireProfession(ctx, args.profession));
}

/** Region.workforce: one region's own source; its failure makes the field null with an error. */
export async function regionWorkforce(parent: { code: string }, args: WorkforceArgs, ctx: SubgraphContext) {
  const filter = filterFor(args);
  return regionCells(figures, ctx, parent.code, args, filter, requireProfession(ctx, args.profession));
}

export const WorkforceFigure = {
  region: (figure: SourceRecord) => ({ code: figure.region }),
  profession: (figure: SourceRecord, _args: unknown, ctx: SubgraphContext) =>
    professionOf(ctx, figure.profession),
};
