import DataLoader from 'dataloader';
import type { GraphQLError } from 'graphql';
import { ErrorCode, hubError } from '../../core/errors.js';
import {
  NATIONAL,
  type SourceFilter,
  type SourceRecord,
  type SourceRegistry,
  type SourceRequest,
} from './sources/types.js';

interface LoadKey extends SourceRequest {
  readonly owner: string;
}

/** The outcome of reading one collection from several regions. */
export interface Collected {
  readonly records: readonly SourceRecord[];
  /** Each answering region's own records array, as its source returned it (for per-region caches). */
  readonly byRegion: ReadonlyMap<string, readonly SourceRecord[]>;
  /** Länskoder whose source failed; their records are missing from `records`. */
  readonly missingRegions: readonly string[];
  /** One error per failed region, code REGION_SOURCE_UNAVAILABLE, `extensions.region` set. */
  readonly errors: readonly GraphQLError[];
}

export interface RegionDataOptions {
  readonly domain: string;
  readonly registry: SourceRegistry;
  /** Called once per failed source call (for logs); never shown to clients. */
  readonly onSourceError?: (owner: string, error: unknown) => void;
}

/**
 * Per-request access to regional data. All reads in one tick are batched by a DataLoader so that
 * each owner's source gets at most one `fetch` per batch, whatever the number of representations
 * or nested fields asking; identical reads within the request are memoised.
 */
export class RegionData {
  readonly #options: RegionDataOptions;
  readonly #loader: DataLoader<LoadKey, readonly SourceRecord[], string>;

  constructor(options: RegionDataOptions) {
    this.#options = options;
    this.#loader = new DataLoader((keys) => this.#batch(keys), {
      cacheKeyFn: (key) => `${key.owner}\u0000${key.collection}\u0000${filterKey(key.filter)}`,
    });
  }

  get domain(): string {
    return this.#options.domain;
  }

  /** Regions (länskoder) that have a source for this domain. */
  regions(): readonly string[] {
    return this.#options.registry.regionsFor(this.#options.domain);
  }

  /** National reference records; a failure throws (reference data has no partial answer). */
  national(collection: string, filter?: SourceFilter): Promise<readonly SourceRecord[]> {
    return this.#loader.load({ owner: NATIONAL, collection, filter }).catch((error: unknown) => {
      throw sourceError(NATIONAL, error);
    });
  }

  /** One region's records; a failure throws REGION_SOURCE_UNAVAILABLE naming the region. */
  region(regionCode: string, collection: string, filter?: SourceFilter): Promise<readonly SourceRecord[]> {
    return this.#loader.load({ owner: regionCode, collection, filter }).catch((error: unknown) => {
      throw sourceError(regionCode, error);
    });
  }

  /** Reads `collection` from each region in parallel; failed regions are reported, not thrown. */
  async collect(
    collection: string,
    options: { regions?: readonly string[] | undefined; filter?: SourceFilter | undefined } = {},
  ): Promise<Collected> {
    const regions = options.regions ?? this.regions();
    const settled = await Promise.allSettled(
      regions.map((owner) => this.#loader.load({ owner, collection, filter: options.filter })),
    );
    const records: SourceRecord[] = [];
    const byRegion = new Map<string, readonly SourceRecord[]>();
    const missingRegions: string[] = [];
    const errors: GraphQLError[] = [];
    settled.forEach((outcome, index) => {
      const owner = regions[index]!;
      if (outcome.status === 'fulfilled') byRegion.set(owner, outcome.value);
      // A loop, not push(...spread): a large region's collection would overflow the call stack.
      if (outcome.status === 'fulfilled') for (const record of outcome.value) records.push(record);
      else {
        missingRegions.push(owner);
        errors.push(sourceError(owner, outcome.reason));
      }
    });
    return { records, byRegion, missingRegions, errors };
  }

  async #batch(keys: readonly LoadKey[]): Promise<Array<readonly SourceRecord[] | Error>> {
    const byOwner = new Map<string, number[]>();
    keys.forEach((key, index) => {
      const list = byOwner.get(key.owner);
      if (list) list.push(index);
      else byOwner.set(key.owner, [index]);
    });
    const results: Array<readonly SourceRecord[] | Error> = new Array(keys.length);
    await Promise.all(
      [...byOwner].map(async ([owner, indexes]) => {
        const source = this.#options.registry.get(this.#options.domain, owner);
        if (!source) {
          for (const i of indexes) results[i] = [];
          return;
        }
        try {
          const answer = await source.fetch(
            indexes.map((i) => ({ collection: keys[i]!.collection, filter: keys[i]!.filter })),
          );
          if (!Array.isArray(answer) || answer.length !== indexes.length) {
            throw new Error(
              `source answered ${Array.isArray(answer) ? answer.length : 'no'} results for ${indexes.length} requests`,
            );
          }
          indexes.forEach((i, n) => {
            results[i] = answer[n]!;
          });
        } catch (error) {
          this.#options.onSourceError?.(owner, error);
          // Failed reads are not memoised: a later request (or batch) tries the source again.
          for (const i of indexes) {
            this.#loader.clear(keys[i]!);
            results[i] = error instanceof Error ? error : new Error(String(error));
          }
        }
      }),
    );
    return results;
  }
}

function filterKey(filter: SourceFilter | undefined): string {
  if (!filter) return '';
  return JSON.stringify(Object.entries(filter).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The client-facing error for a failed source: stable code and region, never the raw cause. */
export function sourceError(owner: string, cause: unknown): GraphQLError {
  const explicit = (cause as { code?: unknown } | null)?.code;
  const code =
    explicit === ErrorCode.REGION_SOURCE_TIMEOUT || explicit === ErrorCode.REGION_SOURCE_BAD_RESPONSE
      ? explicit
      : ErrorCode.REGION_SOURCE_UNAVAILABLE;
  const who = owner === NATIONAL ? 'the national reference source' : `region ${owner}'s source`;
  return hubError(code, `Data from ${who} is unavailable`, { region: owner });
}
