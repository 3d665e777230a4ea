import { badInput } from '../../core/errors.js';
import type { Collected } from './region-data.js';

/**
 * Sidindelning — the paging convention every list that can grow follows in every subgraph:
 * arguments `first` (page size, default 100, at most 1000) and `offset` (default 0); the page
 * type carries `totalCount`, `offset`, `hasNextPage`, `items` and `missingRegions`.
 * Items are sorted by a stable key before slicing, so pages never overlap or skip.
 */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

export interface PageArgs {
  readonly first?: number | null | undefined;
  readonly offset?: number | null | undefined;
}

export interface Page<T> {
  readonly totalCount: number;
  readonly offset: number;
  readonly hasNextPage: boolean;
  readonly items: readonly T[];
  /** Länskoder whose source failed; their records are not in this page. */
  readonly missingRegions: readonly string[];
}

export function pageWindow(args: PageArgs): { first: number; offset: number } {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  const offset = args.offset ?? 0;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput(`first must be an integer from 0 to ${MAX_PAGE_SIZE}, got ${first}`, 'first');
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw badInput(`offset must be a non-negative integer, got ${offset}`, 'offset');
  }
  return { first, offset };
}

/** Sorts by `compare` (must be a total order for stable paging) and slices one page. */
export function paginate<T>(
  items: readonly T[],
  args: PageArgs,
  compare: (a: T, b: T) => number,
  missingRegions: readonly string[] = [],
): Page<T> {
  const { first, offset } = pageWindow(args);
  const sorted = [...items].sort(compare);
  return {
    totalCount: sorted.length,
    offset,
    hasNextPage: offset + first < sorted.length,
    items: sorted.slice(offset, offset + first),
    missingRegions: [...missingRegions].sort(),
  };
}

/** A page over records collected from several regions (see `RegionData.collect`). */
export function paginateCollected<T>(
  collected: Collected,
  map: (records: Collected['records']) => readonly T[],
  args: PageArgs,
  compare: (a: T, b: T) => number,
): Page<T> {
  return paginate(map(collected.records), args, compare, collected.missingRegions);
}

/** Comparator over several keys (strings compared by code unit, so order is locale-independent). */
export function byKeys<T>(...keys: Array<(item: T) => string | number | null | undefined>) {
  return (a: T, b: T): number => {
    for (const key of keys) {
      const x = key(a);
      const y = key(b);
      if (x === y) continue;
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      return x < y ? -1 : 1;
    }
    return 0;
  };
}
