import type { RegionSource, SourceRecord, SourceRequest } from './types.js';

/**
 * Delad källa — a configured source that serves only some collections (`serves`); the other
 * collections go to the fallback (the embedded dataset) or answer empty. Each underlying source
 * still gets at most one call per batch.
 */
export class RoutedSource implements RegionSource {
  readonly kind: string;
  readonly #serves: ReadonlySet<string>;

  constructor(
    readonly primary: RegionSource,
    serves: readonly string[],
    readonly fallback: RegionSource | undefined,
    /** merge: served collections are read from both and concatenated (primary first). */
    readonly options: { readonly merge?: boolean } = {},
  ) {
    this.kind = primary.kind;
    this.#serves = new Set(serves);
  }

  async fetch(
    requests: readonly SourceRequest[],
    signal?: AbortSignal,
  ): Promise<ReadonlyArray<readonly SourceRecord[]>> {
    const mine: number[] = [];
    const rest: number[] = [];
    requests.forEach((r, i) => {
      (this.#serves.has(r.collection) ? mine : rest).push(i);
    });
    const results: Array<readonly SourceRecord[]> = new Array(requests.length).fill([]);
    const run = async (indexes: number[], source: RegionSource | undefined) => {
      if (indexes.length === 0 || !source) return;
      const answer = await source.fetch(
        indexes.map((i) => requests[i]!),
        signal,
      );
      indexes.forEach((i, n) => {
        results[i] = answer[n] ?? [];
      });
    };
    if (this.options.merge && this.fallback && mine.length > 0) {
      const [own, other] = await Promise.all([
        this.primary.fetch(
          mine.map((i) => requests[i]!),
          signal,
        ),
        this.fallback.fetch(
          requests.map((r) => r),
          signal,
        ),
      ]);
      requests.forEach((_, i) => {
        results[i] = other[i] ?? [];
      });
      mine.forEach((i, n) => {
        results[i] = [...(own[n] ?? []), ...(other[i] ?? [])];
      });
      return results;
    }
    await Promise.all([run(mine, this.primary), run(rest, this.fallback)]);
    return results;
  }
}
