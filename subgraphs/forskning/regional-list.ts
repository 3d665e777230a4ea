import type { GraphQLResolveInfo } from 'graphql';
import {
  type PageArgs,
  pageWindow,
  paginate,
  paginateCollected,
  reportPartial,
  type SourceFilter,
  type SubgraphContext,
} from '../kit/index.js';

/**
 * A SYNTHETIC collection held by each lead region's source (research projects, clinical trials),
 * listed across regions. `F` is the list's parsed filters; `matches` re-checks every record, as a
 * source may ignore the `pushdown` filter.
 */
export interface RegionalList<T extends { readonly leadRegionCode: string }, F> {
  readonly collection: string;
  /** Stable total order of the pages. */
  readonly order: (a: T, b: T) => number;
  readonly matches: (record: T, filters: F) => boolean;
  /** Equality filter a source may push down. */
  readonly pushdown: (filters: F) => SourceFilter | undefined;
}

/** Records from several regions' sources; failed regions become missingRegions + partial errors. */
export async function collectedPage<T extends { readonly leadRegionCode: string }, F>(
  list: RegionalList<T, F>,
  ctx: SubgraphContext,
  info: GraphQLResolveInfo,
  filters: F,
  page: PageArgs,
  regions?: readonly string[],
) {
  pageWindow(page);
  const collected = await ctx.data.collect(list.collection, { regions, filter: list.pushdown(filters) });
  reportPartial(ctx, info, collected.errors);
  return paginateCollected(
    collected,
    (records) => (records as unknown as T[]).filter((record) => list.matches(record, filters)),
    page,
    list.order,
  );
}

/**
 * The Region field: the region's own (lead) records from its source, or with `includeParticipating`
 * all records it takes part in (a fan-out over the regions).
 */
export async function regionPage<T extends { readonly leadRegionCode: string }, F>(
  list: RegionalList<T, F>,
  code: string,
  filters: F,
  args: PageArgs & { readonly includeParticipating?: boolean | null },
  ctx: SubgraphContext,
  info: GraphQLResolveInfo,
) {
  if (args.includeParticipating) return collectedPage(list, ctx, info, filters, args);
  pageWindow(args);
  const records = (await ctx.data.region(code, list.collection, list.pushdown(filters))) as unknown as T[];
  return paginate(
    records.filter((record) => record.leadRegionCode === code && list.matches(record, filters)),
    args,
    list.order,
  );
}
