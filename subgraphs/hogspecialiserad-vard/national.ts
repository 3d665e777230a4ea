import type { SourceRecord, SubgraphContext } from '../kit/index.js';

/** The national collections of this subgraph, with lookups by id. */
export interface NationalData {
  readonly careAreas: readonly SourceRecord[];
  readonly nhvDecisions: readonly SourceRecord[];
  readonly nhvPermits: readonly SourceRecord[];
  readonly careAgreements: readonly SourceRecord[];
  readonly priceLists: readonly SourceRecord[];
  readonly priceListItems: readonly SourceRecord[];
  readonly hospitals: readonly SourceRecord[];
  readonly healthcareRegions: readonly SourceRecord[];
  byId(collection: ByIdCollection, id: unknown): SourceRecord | undefined;
}

type ByIdCollection =
  | 'careAreas'
  | 'nhvDecisions'
  | 'careAgreements'
  | 'priceLists'
  | 'hospitals'
  | 'healthcareRegions';

const COLLECTIONS = [
  'careAreas',
  'nhvDecisions',
  'nhvPermits',
  'careAgreements',
  'priceLists',
  'priceListItems',
  'hospitals',
  'healthcareRegions',
] as const;

const perRequest = new WeakMap<SubgraphContext, Promise<NationalData>>();
const indexes = new WeakMap<readonly SourceRecord[], Map<unknown, SourceRecord>>();

/**
 * All national collections, read together: one source call per request (every read is issued in the
 * same tick, so RegionData batches them, and later reads are memoised). The national data is small.
 */
export function nationalData(ctx: SubgraphContext): Promise<NationalData> {
  let pending = perRequest.get(ctx);
  if (!pending) {
    pending = Promise.all(COLLECTIONS.map((c) => ctx.data.national(c))).then((lists) => {
      const data = Object.fromEntries(COLLECTIONS.map((c, i) => [c, lists[i]!])) as Record<
        (typeof COLLECTIONS)[number],
        readonly SourceRecord[]
      >;
      return {
        ...data,
        byId: (collection: ByIdCollection, id: unknown) => indexOf(data[collection]).get(id),
      };
    });
    perRequest.set(ctx, pending);
  }
  return pending;
}

/** Index by `id`, cached per records array (file sources return the same array until the file changes). */
function indexOf(records: readonly SourceRecord[]): Map<unknown, SourceRecord> {
  let index = indexes.get(records);
  if (!index) {
    index = new Map(records.map((r) => [r.id, r]));
    indexes.set(records, index);
  }
  return index;
}
