import type { RegionSource, SourceRequest } from '../../subgraphs/kit/index.js';

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
