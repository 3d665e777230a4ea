import type { AddressInfo } from 'node:net';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';

/**
 * A real PostgreSQL engine for tests. By default PGlite (PostgreSQL compiled to WASM) served over
 * the Postgres wire protocol on 127.0.0.1, so `npm test` needs no database installed. With
 * `VARDNAV_TEST_PG_URL` set (as `.ci/run` does), the same tests run against that PostgreSQL server.
 * Either way the hub connects through a TCP proxy on loopback that can be stopped (database down)
 * or stalled (database hangs).
 */
export interface TestDatabase {
  readonly kind: 'pglite' | 'server';
  /** Environment the hub config reads: `VARDNAV_TEST_DB_URL` points at the proxy. */
  readonly env: Record<string, string>;
  /** Runs SQL directly (not through the proxy). */
  exec(sql: string, values?: unknown[]): Promise<Array<Record<string, unknown>>>;
  readonly proxy: TcpProxy;
  close(): Promise<void>;
}

export async function startTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.VARDNAV_TEST_PG_URL;
  if (serverUrl) {
    const target = new URL(serverUrl);
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    const proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    const viaProxy = new URL(serverUrl);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    return {
      kind: 'server',
      env: { VARDNAV_TEST_DB_URL: viaProxy.toString() },
      exec: async (sql, values) => (await client.query(sql, values)).rows,
      proxy,
      close: async () => {
        await proxy.stop();
        await client.end();
      },
    };
  }
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 8 });
  await server.start();
  const port = Number(server.getServerConn().split(':').pop());
  const proxy = await startTcpProxy('127.0.0.1', port);
  return {
    kind: 'pglite',
    env: { VARDNAV_TEST_DB_URL: `postgres://postgres@127.0.0.1:${proxy.port}/postgres` },
    exec: async (sql, values) => {
      if (values) return (await db.query<Record<string, unknown>>(sql, values)).rows;
      const results = await db.exec(sql);
      return (results.at(-1)?.rows ?? []) as Array<Record<string, unknown>>;
    },
    proxy,
    close: async () => {
      await proxy.stop();
      await server.stop();
      await db.close();
    },
  };
}

export interface TcpProxy {
  readonly port: number;
  /** Holds client bytes (the database seems to hang) until resumed. */
  stalled: boolean;
  /** Stops listening and cuts every connection (the database is down). */
  stop(): Promise<void>;
  restart(): Promise<void>;
}

export async function startTcpProxy(host: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const state = { stalled: false };
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk) => {
      if (!state.stalled) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!state.stalled) client.write(chunk);
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listen(0);
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    get stalled() {
      return state.stalled;
    },
    set stalled(value: boolean) {
      state.stalled = value;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
    restart: () => listen(port),
  };
}

const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/** Creates `schema.table` with one column per record field (snake_case) and loads the records. */
export async function loadTable(
  db: TestDatabase,
  schema: string,
  table: string,
  records: ReadonlyArray<Record<string, unknown>>,
  extra: Record<string, string> = {},
): Promise<void> {
  const fields = [...new Set(records.flatMap((r) => Object.keys(r)))];
  const typeOf = (field: string) => {
    const value = records.map((r) => r[field]).find((v) => v !== null && v !== undefined);
    if (typeof value === 'number')
      return records.every((r) => Number.isInteger(r[field] ?? 0)) ? 'bigint' : 'double precision';
    if (typeof value === 'boolean') return 'boolean';
    if (typeof value === 'object') return 'jsonb';
    return 'text';
  };
  const columns = fields.map((f) => `"${snake(f)}" ${typeOf(f)}`);
  const extraColumns = Object.entries(extra).map(([c, t]) => `"${c}" ${t}`);
  await db.exec(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  await db.exec(`DROP TABLE IF EXISTS "${schema}"."${table}" CASCADE`);
  await db.exec(`CREATE TABLE "${schema}"."${table}" (${[...columns, ...extraColumns].join(', ')})`);
  if (records.length === 0) return;
  await db.exec(
    `INSERT INTO "${schema}"."${table}" (${fields.map((f) => `"${snake(f)}"`).join(', ')})
     SELECT ${fields.map((f) => `(r->>'${f}')::${typeOf(f) === 'jsonb' ? 'text' : typeOf(f)}${typeOf(f) === 'jsonb' ? '::jsonb' : ''}`).join(', ')}
     FROM jsonb_array_elements($1::jsonb) AS r`,
    [JSON.stringify(records)],
  );
}
