import type { GraphQLResolveInfo } from 'graphql';
import {
  byKeys,
  filterOf,
  type PageArgs,
  paginate,
  regionCodeArg,
  reportPartial,
  type SourceRecord,
  type SubgraphContext,
  suppress,
} from '../kit/index.js';
import { checkYear } from './args.js';
import { type CellCollection, regionCells } from './cells.js';
import { professionOf, requireProfession, requireSpecialty, specialtyOf } from './lookups.js';

/**
 * Personalutbyten — staff exchanges (collection `staffExchanges`). Each exchange is held by both
 * the sending and the receiving region's source, so reading either region finds it.
 */

interface ExchangeArgs extends PageArgs {
  year?: number | null;
  fromRegion?: string | null;
  toRegion?: string | null;
  region?: string | null;
  profession?: string | null;
  specialty?: string | null;
  synthetic?: boolean | null;
  direction?: 'OUTGOING' | 'INCOMING' | 'BOTH' | null;
}

type Exchange = SourceRecord & { count: number | null; suppressed: boolean };

const exchanges: CellCollection<Exchange> = {
  collection: 'staffExchanges',
  /** A real exchange without a figure keeps count null and is not "suppressed" (nothing is hidden). */
  cell: (record, threshold) => {
    const cell =
      record.count === null || record.count === undefined
        ? { count: null, suppressed: false }
        : suppress(Number(record.count), threshold);
    return { ...record, ...cell };
  },
  order: byKeys<Exchange>(
    (e) => String(e.fromRegion),
    (e) => String(e.toRegion),
    (e) => String(e.profession),
    (e) => (e.specialty === null || e.specialty === undefined ? null : String(e.specialty)),
    (e) => (typeof e.year === 'number' ? e.year : null),
    (e) => String(e.id),
  ),
};

function sourceFilter(args: ExchangeArgs) {
  checkYear(args.year);
  return filterOf({
    year: args.year,
    profession: args.profession,
    specialty: args.specialty,
    synthetic: args.synthetic,
  });
}

/** Query.staffExchanges: reads only the regions that must hold the wanted exchanges. */
export async function staffExchangesQuery(
  _root: unknown,
  args: ExchangeArgs,
  ctx: SubgraphContext,
  info: GraphQLResolveInfo,
) {
  regionCodeArg(args.fromRegion, 'fromRegion');
  regionCodeArg(args.toRegion, 'toRegion');
  regionCodeArg(args.region, 'region');
  const filter = sourceFilter(args);
  // Every region of an exchange holds it: reading any named region finds all matches, reading each
  // named region keeps the answer complete when one of them fails.
  const named = [...new Set([args.fromRegion, args.toRegion, args.region].filter((c): c is string => !!c))];
  const regions = named.length > 0 ? named : ctx.data.regions();
  const [collected] = await Promise.all([
    ctx.data.collect(exchanges.collection, { regions, filter }),
    requireProfession(ctx, args.profession),
    requireSpecialty(ctx, args.specialty),
  ]);
  reportPartial(ctx, info, collected.errors);
  const unique = new Map<string, SourceRecord>();
  for (const record of collected.records) {
    if (args.fromRegion && record.fromRegion !== args.fromRegion) continue;
    if (args.toRegion && record.toRegion !== args.toRegion) continue;
    if (args.region && record.fromRegion !== args.region && record.toRegion !== args.region) continue;
    unique.set(String(record.id), record);
  }
  const threshold = ctx.suppressionThreshold;
  return paginate(
    [...unique.values()].map((r) => exchanges.cell(r, threshold)),
    args,
    exchanges.order,
    collected.missingRegions,
  );
}

/** Region.staffExchanges: the region's own source (it holds both directions). */
export async function regionStaffExchanges(
  parent: { code: string },
  args: ExchangeArgs,
  ctx: SubgraphContext,
) {
  const filter = sourceFilter(args);
  const direction = args.direction ?? 'BOTH';
  return regionCells(
    exchanges,
    ctx,
    parent.code,
    args,
    filter,
    requireProfession(ctx, args.profession),
    (r) =>
      (direction !== 'INCOMING' && r.fromRegion === parent.code) ||
      (direction !== 'OUTGOING' && r.toRegion === parent.code),
  );
}

export const StaffExchange = {
  fromRegion: (e: SourceRecord) => ({ code: e.fromRegion }),
  toRegion: (e: SourceRecord) => ({ code: e.toRegion }),
  healthcareRegion: (e: SourceRecord) => (e.healthcareRegion ? { id: e.healthcareRegion } : null),
  profession: (e: SourceRecord, _args: unknown, ctx: SubgraphContext) => professionOf(ctx, e.profession),
  specialty: (e: SourceRecord, _args: unknown, ctx: SubgraphContext) => specialtyOf(ctx, e.specialty),
};
