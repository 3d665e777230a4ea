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
  /** Where buckets live; one process's memory by default (see docs/security.md for replicas). */
  readonly store?: RateLimitStore | undefined;
}

/** The outcome of one take: allowed, or how long to wait before the bucket holds enough. */
export interface RateLimitDecision {
  readonly allowed: boolean;
  /** 0 when allowed; otherwise the wait until `cost` tokens are back. */
  readonly retryAfterMs: number;
}

/**
 * Where token buckets are kept. The default is one process's memory, so N replicas each allow
 * the configured rate (N times it in total). Replicas share limits by implementing this over a
 * shared store — e.g. Redis with one Lua script doing the arithmetic of `takeFromBucket`
 * atomically — and passing it as `rateLimit.store` (docs/security.md). `bucket` is passed on every
 * call so a store holds no configuration of its own; keys are namespaced (`sub:`, `region:`, `ip:`).
 * A store bounds its own latency; a store that throws is logged and the request allowed
 * (http-hooks.ts).
 */
export interface RateLimitStore {
  take(
    key: string,
    cost: number,
    nowMs: number,
    bucket: BucketOptions,
  ): RateLimitDecision | Promise<RateLimitDecision>;
}

/** A bucket's state: tokens left (may be negative after an expensive take) at `atMs`. */
export interface BucketState {
  readonly tokens: number;
  readonly atMs: number;
}

/**
 * The token-bucket arithmetic, shared by every store: refill since `atMs`, then take `cost` when
 * at least `min(cost, capacity)` tokens are there (a cost above the burst size runs on a full
 * bucket and leaves a debt that later requests wait out). A refused take consumes nothing.
 */
export function takeFromBucket(
  state: BucketState | undefined,
  cost: number,
  nowMs: number,
  bucket: BucketOptions,
): { state: BucketState; decision: RateLimitDecision } {
  const last = state ?? { tokens: bucket.capacity, atMs: nowMs };
  // A clock that goes backwards (another replica's time, NTP) never adds tokens.
  const elapsedMs = Math.max(0, nowMs - last.atMs);
  const tokens = Math.min(bucket.capacity, last.tokens + (elapsedMs / 1000) * bucket.refillPerSecond);
  const needed = Math.min(cost, bucket.capacity);
  if (tokens >= needed) {
    return { state: { tokens: tokens - cost, atMs: nowMs }, decision: { allowed: true, retryAfterMs: 0 } };
  }
  const retryAfterMs = Math.ceil(((needed - tokens) / bucket.refillPerSecond) * 1000);
  return { state: { tokens, atMs: nowMs }, decision: { allowed: false, retryAfterMs } };
}

/** Token buckets in one process's memory, bounded (least recently used keys are forgotten first). */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly buckets: LRUCache<string, BucketState>;

  constructor(maxKeys = 100_000) {
    this.buckets = new LRUCache({ max: maxKeys });
  }

  take(key: string, cost: number, nowMs: number, bucket: BucketOptions): RateLimitDecision {
    const { state, decision } = takeFromBucket(this.buckets.get(key), cost, nowMs, bucket);
    this.buckets.set(key, state);
    return decision;
  }
}

export type RateLimitName = 'subject' | 'region' | 'anonymous';

/** Rate limiting per subject and per region (both apply); anonymous callers per address. */
export class RateLimiter {
  private readonly store: RateLimitStore;

  constructor(private readonly options: RateLimitOptions) {
    this.store = options.store ?? new MemoryRateLimitStore();
  }

  /** Milliseconds to wait before retrying (0 when the request may run) and which limit said so. */
  async check(
    caller: { subject: string | null; region: string | null; authenticated: boolean },
    address: string,
    nowMs = Date.now(),
    cost = 1,
  ): Promise<{ retryAfterMs: number; limit: RateLimitName | null }> {
    const takes: Array<[RateLimitName, string, BucketOptions]> = caller.authenticated
      ? [['subject', `sub:${caller.subject ?? ''}`, this.options.perSubject]]
      : [['anonymous', `ip:${address}`, this.options.anonymous]];
    if (caller.authenticated && caller.region)
      takes.push(['region', `region:${caller.region}`, this.options.perRegion]);
    for (const [limit, key, bucket] of takes) {
      const decision = await this.store.take(key, cost, nowMs, bucket);
      if (!decision.allowed) return { retryAfterMs: Math.max(1, decision.retryAfterMs), limit };
    }
    return { retryAfterMs: 0, limit: null };
  }
}
