/**
 * Identical in-flight subgraph requests share one round trip. The caller builds the key from
 * everything that can change the answer (URL, body, propagated headers); entries live only while
 * the request is in flight, so nothing is cached beyond it.
 */
export class InflightDedup<T> {
  private readonly inflight = new Map<string, Promise<T>>();
  /** Requests that joined one already in flight (for tests and metrics). */
  joined = 0;

  run(key: string, start: () => Promise<T>): Promise<T> {
    const existing = this.inflight.get(key);
    if (existing) {
      this.joined += 1;
      return existing;
    }
    const promise = start().finally(() => this.inflight.delete(key));
    this.inflight.set(key, promise);
    return promise;
  }
}
