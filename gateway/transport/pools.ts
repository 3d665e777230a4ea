import { Pool } from 'undici';

/**
 * One undici Pool per subgraph origin, with keep-alive, shared by every request and kept across
 * supergraph reloads (a reload that keeps a subgraph's URL keeps its warm connections).
 */
export class PoolRegistry {
  private readonly pools = new Map<string, Pool>();
  /** Subgraph URL → pool and path: a URL is parsed once, not on every fetch. */
  private readonly targets = new Map<string, { pool: Pool; path: string }>();

  constructor(private readonly connections: number) {}

  /** The pool for `url`'s origin and the request path to use on it. */
  target(url: string): { pool: Pool; path: string } {
    const known = this.targets.get(url);
    if (known) return known;
    const parsed = new URL(url);
    let pool = this.pools.get(parsed.origin);
    if (!pool) {
      pool = new Pool(parsed.origin, {
        connections: this.connections,
        keepAliveTimeout: 30_000,
        keepAliveMaxTimeout: 600_000,
        pipelining: 1,
      });
      this.pools.set(parsed.origin, pool);
    }
    const target = { pool, path: `${parsed.pathname}${parsed.search}` };
    // Bounded by the distinct subgraph URLs of the supergraphs loaded (a handful, not per request).
    this.targets.set(url, target);
    return target;
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    this.targets.clear();
    await Promise.allSettled(pools.map((p) => p.close()));
  }
}
