import type { GraphQLResolveInfo } from 'graphql';
import {
  type PageArgs,
  paginate,
  paginateCollected,
  reportPartial,
  type SourceFilter,
  type SourceRecord,
  type SubgraphContext,
} from '../kit/index.js';
import { regionScope } from './lookups.js';

/**
 * A per-region collection served as cells (workforce figures, training posts, staff exchanges):
 * `cell` applies suppression to a record, `order` is the pages' stable total order.
 */
export interface CellCollection<T> {
  readonly collection: string;
  readonly cell: (record: SourceRecord, threshold: number) => T;
  readonly order: (a: T, b: T) => number;
}

/**
 * Query field: a fan-out over the regions in scope (`region`, `healthcareRegion`); failed regions
 * are reported, not fatal. `check` (id arguments checked against the national data) runs in the
 * same batch as the reads.
 */
export async function scopedCells<T>(
  spec: CellCollection<T>,
  ctx: SubgraphContext,
  info: GraphQLResolveInfo,
  args: PageArgs & { region?: string | null; healthcareRegion?: string | null },
  filter: SourceFilter | undefined,
  check: Promise<void>,
) {
  const [collected] = await Promise.all([
    regionScope(ctx, args).then((regions) => ctx.data.collect(spec.collection, { regions, filter })),
    check,
  ]);
  reportPartial(ctx, info, collected.errors);
  const threshold = ctx.suppressionThreshold;
  return paginateCollected(
    collected,
    (records) => records.map((r) => spec.cell(r, threshold)),
    args,
    spec.order,
  );
}

/** Region field: the region's own source (records `keep` selects); its failure makes the field null. */
export async function regionCells<T>(
  spec: CellCollection<T>,
  ctx: SubgraphContext,
  code: string,
  args: PageArgs,
  filter: SourceFilter | undefined,
  check: Promise<void>,
  keep: (record: SourceRecord) => boolean = () => true,
) {
  const [records] = await Promise.all([ctx.data.region(code, spec.collection, filter), check]);
  const threshold = ctx.suppressionThreshold;
  return paginate(
    records.filter(keep).map((r) => spec.cell(r, threshold)),
    args,
    spec.order,
  );
}
