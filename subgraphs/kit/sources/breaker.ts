import type { BreakerSettings } from '../../../config/sources.js';
import { unavailable } from './errors.js';
import type { RegionSource, SourceRecord, SourceRequest } from './types.js';

export type BreakerState = 'closed' | 'open' | 'half-open';

/**
 * Säkring — a circuit breaker per source. After `failureThreshold` consecutive failed calls the
 * circuit opens: calls fail at once (REGION_SOURCE_UNAVAILABLE) without touching the region's
 * system. After `openMs` one probe call is let through (half-open); success closes the circuit,
 * failure opens it again.
 */
export class CircuitBreaker {
  #state: BreakerState = 'closed';
  #failures = 0;
  #openedAt = 0;
  #probing = false;

  constructor(
    readonly settings: BreakerSettings,
    readonly now: () => number = Date.now,
  ) {}

  get state(): BreakerState {
    if (this.#state === 'open' && this.now() - this.#openedAt >= this.settings.openMs) return 'half-open';
    return this.#state;
  }

  async run<T>(call: () => Promise<T>): Promise<T> {
    const state = this.state;
    if (state === 'open' || (state === 'half-open' && this.#probing))
      throw unavailable('circuit open: the source failed repeatedly and is resting');
    const probe = state === 'half-open';
    if (probe) this.#probing = true;
    try {
      const result = await call();
      this.#state = 'closed';
      this.#failures = 0;
      return result;
    } catch (error) {
      this.#failures += 1;
      if (probe || this.#failures >= this.settings.failureThreshold) {
        this.#state = 'open';
        this.#openedAt = this.now();
      }
      throw error;
    } finally {
      if (probe) this.#probing = false;
    }
  }
}

/** Wraps any source in a circuit breaker. */
export class BreakerSource implements RegionSource {
  readonly breaker: CircuitBreaker;
  constructor(
    readonly inner: RegionSource,
    settings: BreakerSettings,
    now?: () => number,
  ) {
    this.breaker = new CircuitBreaker(settings, now);
  }
  get kind() {
    return this.inner.kind;
  }
  fetch(
    requests: readonly SourceRequest[],
    signal?: AbortSignal,
  ): Promise<ReadonlyArray<readonly SourceRecord[]>> {
    return this.breaker.run(() => this.inner.fetch(requests, signal));
  }
}
