import { LRUCache } from 'lru-cache';

export interface BucketOptions {
  /** Burst size: requests allowed at once. */
  readonly capacity: number;
  /** Sustained rate: tokens added per second. */
  readonly refillPerSecond: number;
}

export interface RateLimitOptions {
  readonly perSubject: BucketOptions;
  readonly perRegion: BucketOptions;
  /** Anonymous callers, per client address. */
  readonly anonymous: BucketOptions;
  /** Where buckets live; in memory by default (see docs/security.md for replicas). */
  readonly store?: RateLimitStore;
}

/**
 * Where token buckets are kept. The default is one process's memory; replicas share limits by
 * implementing this over a shared store (e.g. Redis with an atomic script doing the same refill
 * arithmetic), see docs/security.md.
 */
export interface RateLimitStore {
  /** Takes one token; resolves how long to wait when none is left (0 = allowed). */
  take(key: string, bucket: BucketOptions, now: number): number | Promise<number>;
}

/** Token buckets in memory, bounded (least recently used keys are forgotten first). */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly buckets = new LRUCache<string, { tokens: number; at: number }>({ max: 100_000 });

  take(key: string, bucket: BucketOptions, now: number): number {
    const state = this.buckets.get(key) ?? { tokens: bucket.capacity, at: now };
    const tokens = Math.min(
      bucket.capacity,
      state.tokens + ((now - state.at) / 1000) * bucket.refillPerSecond,
    );
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, at: now });
      return 0;
    }
    this.buckets.set(key, { tokens, at: now });
    return Math.ceil(((1 - tokens) / bucket.refillPerSecond) * 1000);
  }
}

/** Rate limiting per subject and per region (both apply); anonymous callers per address. */
export class RateLimiter {
  private readonly store: RateLimitStore;

  constructor(private readonly options: RateLimitOptions) {
    this.store = options.store ?? new MemoryRateLimitStore();
  }

  /** Milliseconds to wait before retrying, or 0 when the request may run. */
  async check(
    caller: { subject: string | null; region: string | null; authenticated: boolean },
    address: string,
    now = Date.now(),
  ): Promise<{ retryAfterMs: number; limit: 'subject' | 'region' | 'anonymous' | null }> {
    if (!caller.authenticated) {
      const wait = await this.store.take(`ip:${address}`, this.options.anonymous, now);
      return { retryAfterMs: wait, limit: wait > 0 ? 'anonymous' : null };
    }
    const subjectWait = await this.store.take(`sub:${caller.subject ?? ''}`, this.options.perSubject, now);
    if (subjectWait > 0) return { retryAfterMs: subjectWait, limit: 'subject' };
    if (caller.region) {
      const regionWait = await this.store.take(`region:${caller.region}`, this.options.perRegion, now);
      if (regionWait > 0) return { retryAfterMs: regionWait, limit: 'region' };
    }
    return { retryAfterMs: 0, limit: null };
  }
}
