/**
 * Identical in-flight subgraph requests share one round trip. The caller builds the key from
 * everything that can change the answer (URL, body, propagated headers); entries live only while
 * the request is in flight, so nothing is cached beyond it.
 *
 * Cancellation is reference-counted. Every caller is a waiter with its own signal (its client
 * request's): a waiter whose signal aborts stops waiting — its promise rejects with the signal's
 * reason — and leaves. The shared round trip is aborted only when its last waiter has left, and
 * its entry leaves the map at that moment, so a later identical request starts afresh instead of
 * joining (and inheriting the abort of) a round trip being torn down.
 */
interface Entry<T> {
  readonly controller: AbortController;
  readonly promise: Promise<T>;
  waiters: number;
}

export class InflightDedup<T> {
  private readonly inflight = new Map<string, Entry<T>>();
  /** Requests that joined one already in flight (for tests and metrics). */
  joined = 0;
  /** Shared round trips aborted because every waiter left (for tests and metrics). */
  abandoned = 0;

  /** Round trips in flight (for tests: an aborted one must not stay behind). */
  get size(): number {
    return this.inflight.size;
  }

  /**
   * Joins the round trip for `key`, or starts it with `start(signal)` (aborted when every waiter
   * has left). Without `signal` the caller can never leave, so it keeps the round trip alive.
   */
  run(key: string, start: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    let entry = this.inflight.get(key);
    if (entry) {
      this.joined += 1;
      entry.waiters += 1;
    } else {
      const controller = new AbortController();
      const created: Entry<T> = {
        controller,
        waiters: 1,
        promise: start(controller.signal).finally(() => {
          if (this.inflight.get(key) === created) this.inflight.delete(key);
        }),
      };
      this.inflight.set(key, created);
      entry = created;
    }
    return signal ? this.wait(key, entry, signal) : entry.promise;
  }

  private wait(key: string, entry: Entry<T>, signal: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const leave = () => {
        reject(signal.reason);
        entry.waiters -= 1;
        if (entry.waiters > 0) return;
        if (this.inflight.get(key) === entry) this.inflight.delete(key);
        this.abandoned += 1;
        entry.controller.abort(signal.reason);
      };
      // One listener per waiter, on the waiter's own signal, removed as soon as the round trip
      // settles: a long-lived or widely shared round trip never accumulates listeners.
      signal.addEventListener('abort', leave, { once: true });
      entry.promise.then(
        (value) => {
          signal.removeEventListener('abort', leave);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', leave);
          reject(error);
        },
      );
    });
  }
}
