import { LRUCache } from 'lru-cache';
import type { SourceRecord } from '../types.js';

/** One validated page: its records, the next page's URL, and HTTP validators. */
export interface CachedPage {
  readonly records: readonly SourceRecord[];
  readonly next: string | undefined;
  readonly etag: string | undefined;
  /** Epoch ms until which the page may be used without asking the region (Cache-Control max-age). */
  readonly freshUntil: number;
}

export interface CachePolicy {
  /** `no-store`: never keep. */
  readonly store: boolean;
  readonly maxAgeMs: number;
}

/** Reads Cache-Control: `no-store` forbids keeping; `no-cache` keeps but always revalidates. */
export function cachePolicy(cacheControl: string | undefined): CachePolicy {
  const directives = (cacheControl ?? '')
    .toLowerCase()
    .split(',')
    .map((d) => d.trim());
  if (directives.includes('no-store')) return { store: false, maxAgeMs: 0 };
  if (directives.includes('no-cache')) return { store: true, maxAgeMs: 0 };
  const maxAge = directives.find((d) => d.startsWith('max-age='));
  const seconds = maxAge ? Number(maxAge.slice('max-age='.length)) : 0;
  return { store: true, maxAgeMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0 };
}

/**
 * Svarscache — ETag / Cache-Control aware cache of validated pages, keyed by URL. Only pages
 * that passed validation are stored; a page with neither ETag nor max-age is not kept.
 */
export class PageCache {
  readonly #entries: LRUCache<string, CachedPage> | undefined;

  constructor(
    maxEntries: number,
    readonly now: () => number = Date.now,
  ) {
    this.#entries = maxEntries > 0 ? new LRUCache({ max: maxEntries }) : undefined;
  }

  get(url: string): CachedPage | undefined {
    return this.#entries?.get(url);
  }

  isFresh(page: CachedPage): boolean {
    return page.freshUntil > this.now();
  }

  put(url: string, page: Omit<CachedPage, 'freshUntil'>, policy: CachePolicy): void {
    if (!this.#entries) return;
    if (!policy.store || (policy.maxAgeMs === 0 && !page.etag)) {
      this.#entries.delete(url);
      return;
    }
    this.#entries.set(url, { ...page, freshUntil: this.now() + policy.maxAgeMs });
  }

  clear(): void {
    this.#entries?.clear();
  }
}
