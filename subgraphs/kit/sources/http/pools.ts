import { Pool } from 'undici';
import type { HttpSettings } from '../../../../config/sources.js';

/**
 * Anslutningspooler — one keep-alive undici Pool per origin (and connection settings), shared by
 * every HTTP-based source of a registry. `close()` ends them all.
 */
export class HttpPools {
  readonly #pools = new Map<string, Pool>();

  get(origin: string, settings: HttpSettings): Pool {
    const key = `${origin}|${settings.connectTimeoutMs}|${settings.keepAliveTimeoutMs}|${settings.connectionsPerOrigin}`;
    let pool = this.#pools.get(key);
    if (!pool) {
      pool = new Pool(origin, {
        connections: settings.connectionsPerOrigin,
        connectTimeout: settings.connectTimeoutMs,
        keepAliveTimeout: settings.keepAliveTimeoutMs,
        headersTimeout: settings.headersTimeoutMs,
        bodyTimeout: settings.bodyTimeoutMs,
      });
      this.#pools.set(key, pool);
    }
    return pool;
  }

  get size(): number {
    return this.#pools.size;
  }

  async close(): Promise<void> {
    const pools = [...this.#pools.values()];
    this.#pools.clear();
    await Promise.allSettled(pools.map((p) => p.destroy()));
  }
}
