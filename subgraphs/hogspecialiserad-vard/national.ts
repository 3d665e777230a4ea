import { indexBy, nationalView, type SourceRecord, type SubgraphContext } from '../kit/index.js';

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
  /** The records of a collection by id (built on first use, reused while the data is unchanged). */
  index(collection: ByIdCollection): ReadonlyMap<unknown, SourceRecord>;
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

/**
 * All national collections, read together: one source call per request (the kit's
 * `nationalView`). The national data is small; indexes are built when first asked for.
 */
export const nationalData: (ctx: SubgraphContext) => Promise<NationalData> = nationalView(
  COLLECTIONS,
  (data) => ({
    ...data,
    index: (collection) => indexBy(data[collection], 'id'),
    byId: (collection, id) => indexBy(data[collection], 'id').get(id),
  }),
);
