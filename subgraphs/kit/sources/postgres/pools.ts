import pg from 'pg';
import type { PostgresSettings } from '../../../../config/sources.js';

/** Resolved connection parameters (the password comes from the environment, never from the file). */
export interface PgConnection {
  readonly connectionString?: string | undefined;
  readonly host?: string | undefined;
  readonly port?: number | undefined;
  readonly database?: string | undefined;
  readonly user?: string | undefined;
  readonly password?: string | undefined;
  readonly ssl?: boolean | undefined;
}

/**
 * Databaspooler — one `pg` pool per database connection and settings, shared by the sources of
 * a registry that use the same database. Every connection gets the server-side
 * `statement_timeout`; every query the client-side `query_timeout`.
 */
export class PgPools {
  readonly #pools = new Map<string, pg.Pool>();

  constructor(readonly onError: (error: Error) => void = () => {}) {}

  get(connection: PgConnection, settings: PostgresSettings): pg.Pool {
    const key = JSON.stringify([connection, settings]);
    let pool = this.#pools.get(key);
    if (!pool) {
      pool = new pg.Pool({
        ...(connection.connectionString
          ? { connectionString: connection.connectionString }
          : {
              host: connection.host,
              port: connection.port,
              database: connection.database,
              user: connection.user,
              password: connection.password,
            }),
        ssl: connection.ssl ? { rejectUnauthorized: true } : undefined,
        max: settings.poolSize,
        connectionTimeoutMillis: settings.connectTimeoutMs,
        idleTimeoutMillis: settings.idleTimeoutMs,
        query_timeout: settings.queryTimeoutMs,
        statement_timeout: settings.statementTimeoutMs,
        application_name: 'vardnav',
      });
      // An idle connection dropped by the server must not crash the hub; the next query reconnects.
      pool.on('error', (error) => this.onError(error));
      this.#pools.set(key, pool);
    }
    return pool;
  }

  async close(): Promise<void> {
    const pools = [...this.#pools.values()];
    this.#pools.clear();
    await Promise.allSettled(pools.map((p) => p.end()));
  }
}
