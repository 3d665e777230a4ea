/**
 * Källgränssnitt — the one interface between resolvers and a region's data.
 *
 * Every record the hub serves belongs to an owner: a region (its länskod, e.g. "18") or
 * `national` for national reference data. For each domain (subgraph) and owner there is one
 * source. Resolvers never read files or call APIs directly; they go through `RegionData`,
 * which batches requests so that a source is called at most once per request batch.
 */

export type SourceRecord = Readonly<Record<string, unknown>>;

/** Equality filters a source may push down (e.g. `{ year: 2023 }`); it may also ignore them. */
export type SourceFilter = Readonly<Record<string, string | number | boolean>>;

export interface SourceRequest {
  readonly collection: string;
  readonly filter?: SourceFilter | undefined;
}

export interface RegionSource {
  /** Human-readable kind for logs (`file`, `http`, …); never contains secrets. */
  readonly kind: string;
  /**
   * Answers every request of one batch, in order. One call per batch: a source that talks to a
   * remote system should send one round trip for all of them.
   */
  fetch(
    requests: readonly SourceRequest[],
    signal?: AbortSignal,
  ): Promise<ReadonlyArray<readonly SourceRecord[]>>;
}

/** Owner id used for national reference data (not owned by a single region). */
export const NATIONAL = 'national';

export interface SourceRegistry {
  /** The source for `domain` and `owner`, or undefined when that owner has none. */
  get(domain: string, owner: string): RegionSource | undefined;
  /** Region codes (länskoder) that have a source for `domain`, sorted. */
  regionsFor(domain: string): readonly string[];
}
