import { MapSourceRegistry, type RegionSource, type SourceRequest } from '../../subgraphs/kit/index.js';

/** Wraps a source and counts its `fetch` calls (one call = one batch). */
export class CountingSource implements RegionSource {
  readonly kind = 'counting';
  calls = 0;
  requests: SourceRequest[] = [];
  constructor(readonly inner: RegionSource) {}
  fetch(requests: readonly SourceRequest[], signal?: AbortSignal) {
    this.calls += 1;
    this.requests.push(...requests);
    return this.inner.fetch(requests, signal);
  }
}

/** A source that always fails, as a region's system being down would. */
export class FailingSource implements RegionSource {
  readonly kind = 'failing';
  calls = 0;
  constructor(readonly message = 'connect ECONNREFUSED 10.0.0.1:5432 (internal detail)') {}
  async fetch(): Promise<never> {
    this.calls += 1;
    throw new Error(this.message);
  }
}

/** Every source of `registry` wrapped in a CountingSource; `calls(domain)` sums per owner. */
export function countingRegistry(registry: MapSourceRegistry) {
  const counters = new Map<string, Map<string, CountingSource>>();
  const wrapped = new Map<string, Map<string, RegionSource>>();
  for (const [domain, owners] of registry.sources) {
    const perOwner = new Map<string, CountingSource>();
    for (const [owner, source] of owners) perOwner.set(owner, new CountingSource(source));
    counters.set(domain, perOwner);
    wrapped.set(domain, perOwner);
  }
  return {
    registry: new MapSourceRegistry(wrapped),
    /** Calls per owner for a domain since the last reset. */
    calls(domain: string): Record<string, number> {
      return Object.fromEntries([...(counters.get(domain) ?? [])].map(([owner, c]) => [owner, c.calls]));
    },
    reset(): void {
      for (const owners of counters.values()) for (const c of owners.values()) c.calls = 0;
    },
  };
}
