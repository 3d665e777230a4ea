import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';

/** How the fake region API behaves; switchable while it runs. */
export type RegionServerMode =
  | 'ok'
  | 'http-500'
  | 'invalid-json'
  | 'wrong-shape'
  | 'never-ending-body'
  | 'oversized-body'
  | 'slow-headers';

export interface RegionServerOptions {
  /** Records of a collection (undefined → 404). */
  readonly records: (collection: string) => ReadonlyArray<Record<string, unknown>> | undefined;
  /** Largest page served (the client's `limit` is honoured up to this). */
  readonly maxPage?: number;
  /** Send an ETag (and answer If-None-Match with 304). */
  readonly etag?: boolean;
  /** Cache-Control header to send, if any. */
  readonly cacheControl?: string;
  /** Delay before answering (ms), e.g. to model a slow region in the benchmark. */
  readonly delayMs?: number;
  /** Path prefix of the API, default `/api`. */
  readonly prefix?: string;
}

export interface RegionServer {
  readonly url: string;
  readonly port: number;
  mode: RegionServerMode;
  /** Modes for the next requests, used before `mode` (e.g. fail twice, then recover). */
  readonly plan: RegionServerMode[];
  /** Request headers seen, in order. */
  readonly headers: Array<Record<string, string | string[] | undefined>>;
  /** Requests answered, and their paths with query strings. */
  readonly requests: string[];
  readonly notModified: number;
  inFlight: number;
  maxInFlight: number;
  /** Stops listening and drops open connections (the port then refuses connections). */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  restart(): Promise<void>;
}

/**
 * Fake regional source API on 127.0.0.1 implementing the hub's regional source API
 * (docs/sources.md): `GET /api/<collection>?<field>=<v>&limit=&offset=` → `{ items, totalCount, next }`.
 * It misbehaves on demand (`mode`) and counts requests.
 */
export async function startRegionServer(options: RegionServerOptions): Promise<RegionServer> {
  const prefix = options.prefix ?? '/api';
  const sockets = new Set<Socket>();
  let notModified = 0;
  const state = {
    mode: 'ok' as RegionServerMode,
    requests: [] as string[],
    inFlight: 0,
    maxInFlight: 0,
    plan: [] as RegionServerMode[],
    headers: [] as Array<Record<string, string | string[] | undefined>>,
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    state.requests.push(req.url ?? '');
    state.headers.push(req.headers);
    const mode = state.plan.shift() ?? state.mode;
    state.inFlight += 1;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    res.on('close', () => {
      state.inFlight -= 1;
    });
    if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
    const url = new URL(req.url ?? '/', 'http://localhost');
    switch (mode) {
      case 'http-500':
        res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
        return;
      case 'invalid-json':
        res.writeHead(200, { 'content-type': 'application/json', etag: '"garbage"' }).end('{"items": [');
        return;
      case 'wrong-shape':
        res
          .writeHead(200, {
            'content-type': 'application/json',
            etag: '"garbage"',
            'cache-control': 'max-age=600',
          })
          .end(JSON.stringify({ items: [{ unexpected: true }, 'not an object'] }));
        return;
      case 'never-ending-body':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"items": [');
        return; // never ends
      case 'oversized-body': {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = `${JSON.stringify({ padding: 'x'.repeat(1000) })},`;
        res.write('{"items": [');
        for (let i = 0; i < 2000; i++) res.write(chunk);
        res.end('{}]}');
        return;
      }
      case 'slow-headers':
        return; // never answers
      default:
    }
    if (!url.pathname.startsWith(`${prefix}/`)) {
      res.writeHead(404).end();
      return;
    }
    const collection = decodeURIComponent(url.pathname.slice(prefix.length + 1));
    const all = options.records(collection);
    if (!all) {
      res.writeHead(404).end();
      return;
    }
    const filters = new Map<string, string[]>();
    for (const [key, value] of url.searchParams) {
      if (key === 'limit' || key === 'offset') continue;
      filters.set(key, [...(filters.get(key) ?? []), value]);
    }
    const matching = all.filter((record) =>
      [...filters].every(([key, values]) => values.includes(String(record[key]))),
    );
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 1000), options.maxPage ?? 1000);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const items = matching.slice(offset, offset + limit);
    let next: string | null = null;
    if (offset + limit < matching.length) {
      const nextUrl = new URL(url);
      nextUrl.searchParams.set('offset', String(offset + limit));
      next = `${nextUrl.pathname}${nextUrl.search}`;
    }
    const body = JSON.stringify({ items, totalCount: matching.length, next });
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    if (options.etag) {
      const tag = `"${simpleHash(body)}"`;
      headers.etag = tag;
      if (req.headers['if-none-match'] === tag) {
        notModified += 1;
        res.writeHead(304, headers).end();
        return;
      }
    }
    if (options.cacheControl) headers['cache-control'] = options.cacheControl;
    res.writeHead(200, headers).end(body);
  };

  const server: Server = createServer((req, res) => {
    void handle(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
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
    url: `http://127.0.0.1:${port}${prefix}`,
    port,
    get mode() {
      return state.mode;
    },
    set mode(mode: RegionServerMode) {
      state.mode = mode;
    },
    get requests() {
      return state.requests;
    },
    get plan() {
      return state.plan;
    },
    get headers() {
      return state.headers;
    },
    get notModified() {
      return notModified;
    },
    get inFlight() {
      return state.inFlight;
    },
    set inFlight(n: number) {
      state.inFlight = n;
    },
    get maxInFlight() {
      return state.maxInFlight;
    },
    set maxInFlight(n: number) {
      state.maxInFlight = n;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
    restart: () => listen(port),
  };
}

function simpleHash(text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(16);
}

/** Records of one owner/domain/collection from a generated dataset folder. */
export function datasetRecords(datasetPath: string, owner: string, domain: string) {
  return (collection: string): ReadonlyArray<Record<string, unknown>> | undefined => {
    const file = join(datasetPath, owner, domain, `${collection}.json`);
    return existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>[])
      : undefined;
  };
}
