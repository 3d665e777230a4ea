import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConfigError } from '../../config/index.js';
import type { ConfiguredRegistry } from '../../subgraphs/kit/sources/config-registry.js';
import { capturingLogger, FAST_HTTP, registryOf } from './support/config.js';
import { type RegionServer, startRegionServer } from './support/region-server.js';

const POSTS = Array.from({ length: 25 }, (_, i) => ({
  id: `p${i}`,
  hospitalId: ['sus', 'karolinska', 'sahlgrenska'][i % 3],
  year: 2022 + (i % 3),
  specialty: 'Kardiologi — hjärtsjukvård',
  source: 'Region Skåne test export',
  synthetic: true,
}));

let servers: RegionServer[] = [];
let registries: ConfiguredRegistry[] = [];

async function region(options: Partial<Parameters<typeof startRegionServer>[0]> = {}) {
  const server = await startRegionServer({
    records: (c) => (c === 'posts' ? POSTS : undefined),
    ...options,
  });
  servers.push(server);
  return server;
}

function source(
  url: string,
  extra: Record<string, unknown> = {},
  options: Parameters<typeof registryOf>[1] = {},
) {
  const registry = registryOf(
    { regions: { '12': { kompetensforsorjning: { kind: 'http', url, http: FAST_HTTP, ...extra } } } },
    options,
  );
  registries.push(registry);
  return registry.get('kompetensforsorjning', '12')!;
}

afterEach(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await Promise.all(registries.map((r) => r.close()));
  servers = [];
  registries = [];
});

describe('http source: the regional source API', () => {
  it('follows pages and merges key lookups of one collection into one request per page', async () => {
    const server = await region({ maxPage: 4 });
    const [sus, karolinska, all] = await source(server.url).fetch([
      { collection: 'posts', filter: { hospitalId: 'sus' } },
      { collection: 'posts', filter: { hospitalId: 'karolinska' } },
      { collection: 'posts' },
    ]);
    expect(sus!.map((r) => r.id)).toEqual(POSTS.filter((p) => p.hospitalId === 'sus').map((p) => p.id));
    expect(karolinska).toHaveLength(8);
    expect(all).toHaveLength(25);
    // `posts` (no common filter) fetched once, 25 records in pages of 4 → 7 requests, nothing more.
    expect(server.requests).toHaveLength(7);
    expect(server.requests[0]).toBe('/api/posts?limit=1000');
    expect(all!.every((r) => r.source === 'Region Skåne test export' && r.synthetic === true)).toBe(true);
  });

  it('pushes shared filters down as repeated parameters (batch lookup by keys)', async () => {
    const server = await region();
    await source(server.url).fetch([
      { collection: 'posts', filter: { hospitalId: 'sus', year: 2023 } },
      { collection: 'posts', filter: { hospitalId: 'karolinska', year: 2023 } },
    ]);
    expect(server.requests).toEqual(['/api/posts?hospitalId=karolinska&hospitalId=sus&year=2023&limit=1000']);
  });

  it('treats a collection the region does not publish (404) as empty', async () => {
    const server = await region();
    expect(await source(server.url).fetch([{ collection: 'other' }])).toEqual([[]]);
  });

  it('maps a region API of another shape through the configured field mapping', async () => {
    const api = createServer((req, res) => {
      const page = req.url?.includes('sida=2') ? 2 : 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          data: { rader: [{ nr: `n${page}`, sjukhus: { kod: 'sus' }, ar: 2023 }] },
          lankar: { nasta: page === 1 ? '/st-tjanster?sida=2' : null },
        }),
      );
    });
    await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    try {
      const [records] = await source(url, {
        label: 'Region Skåne API (test)',
        collections: {
          posts: {
            from: 'st-tjanster',
            itemsAt: 'data.rader',
            nextAt: 'lankar.nasta',
            fields: { id: 'nr', hospitalId: 'sjukhus.kod', year: 'ar' },
          },
        },
      }).fetch([{ collection: 'posts', filter: { year: 2023 } }]);
      expect(records).toEqual([
        expect.objectContaining({
          id: 'n1',
          hospitalId: 'sus',
          year: 2023,
          source: 'Region Skåne API (test)',
          synthetic: false,
        }),
        expect.objectContaining({ id: 'n2', hospitalId: 'sus', year: 2023 }),
      ]);
      expect(records![0]).not.toHaveProperty('nr');
    } finally {
      await new Promise((r) => api.close(r));
    }
  });

  it('revalidates with the ETag (304 reuses the page) and honours Cache-Control max-age and no-store', async () => {
    const tagged = await region({ etag: true });
    const s1 = source(tagged.url);
    const first = await s1.fetch([{ collection: 'posts' }]);
    const second = await s1.fetch([{ collection: 'posts' }]);
    expect(second).toEqual(first);
    expect(tagged.requests).toHaveLength(2);
    expect(tagged.notModified).toBe(1);
    expect(tagged.headers[1]?.['if-none-match']).toMatch(/^"/);

    const fresh = await region({ cacheControl: 'max-age=60' });
    const s2 = source(fresh.url);
    await s2.fetch([{ collection: 'posts' }]);
    await s2.fetch([{ collection: 'posts' }]);
    expect(fresh.requests).toHaveLength(1);

    const noStore = await region({ etag: true, cacheControl: 'no-store' });
    const s3 = source(noStore.url);
    await s3.fetch([{ collection: 'posts' }]);
    await s3.fetch([{ collection: 'posts' }]);
    expect(noStore.requests).toHaveLength(2);
    expect(noStore.notModified).toBe(0);
  });

  it('retries idempotent reads with back-off after 5xx, up to the configured count', async () => {
    const server = await region();
    server.plan.push('http-500', 'http-500');
    const [records] = await source(server.url, { http: { ...FAST_HTTP, retries: 2 } }).fetch([
      { collection: 'posts' },
    ]);
    expect(records).toHaveLength(25);
    expect(server.requests).toHaveLength(3);

    const failing = await region();
    failing.mode = 'http-500';
    await expect(
      source(failing.url, { http: { ...FAST_HTTP, retries: 2 } }).fetch([{ collection: 'posts' }]),
    ).rejects.toMatchObject({ code: 'REGION_SOURCE_UNAVAILABLE' });
    expect(failing.requests).toHaveLength(3);
  });

  it('does not retry an answer that is garbage (retrying cannot help)', async () => {
    const server = await region();
    server.mode = 'wrong-shape';
    await expect(source(server.url).fetch([{ collection: 'posts' }])).rejects.toMatchObject({
      code: 'REGION_SOURCE_BAD_RESPONSE',
    });
    expect(server.requests).toHaveLength(1);
  });

  it('keeps at most `concurrency` requests in flight per source', async () => {
    const server = await region({ delayMs: 30, records: () => POSTS });
    const requests = Array.from({ length: 8 }, (_, i) => ({ collection: `c${i}` }));
    const answers = await source(server.url, { http: { ...FAST_HTTP, concurrency: 2 } }).fetch(requests);
    expect(answers).toHaveLength(8);
    expect(server.requests).toHaveLength(8);
    expect(server.maxInFlight).toBe(2);
  });

  it('opens the circuit after repeated failures, then half-opens to probe and closes on success', async () => {
    let clock = 1_000_000;
    const server = await region();
    server.mode = 'http-500';
    const s = source(
      server.url,
      { http: { ...FAST_HTTP, retries: 0 }, breaker: { failureThreshold: 2, openMs: 5_000 } },
      { now: () => clock },
    );
    await expect(s.fetch([{ collection: 'posts' }])).rejects.toThrow();
    await expect(s.fetch([{ collection: 'posts' }])).rejects.toThrow();
    expect(server.requests).toHaveLength(2);
    // Open: fails fast without calling the region.
    await expect(s.fetch([{ collection: 'posts' }])).rejects.toMatchObject({
      code: 'REGION_SOURCE_UNAVAILABLE',
      message: expect.stringMatching(/circuit open/),
    });
    expect(server.requests).toHaveLength(2);
    // Half-open after openMs: one probe; it fails, so the circuit opens again.
    clock += 5_000;
    await expect(s.fetch([{ collection: 'posts' }])).rejects.toThrow(/HTTP 500/);
    await expect(s.fetch([{ collection: 'posts' }])).rejects.toThrow(/circuit open/);
    expect(server.requests).toHaveLength(3);
    // The region recovers: the next probe succeeds and the circuit closes.
    server.mode = 'ok';
    clock += 5_000;
    expect((await s.fetch([{ collection: 'posts' }]))[0]).toHaveLength(25);
    expect((await s.fetch([{ collection: 'posts' }]))[0]).toHaveLength(25);
    expect(server.requests).toHaveLength(5);
  });
});

describe('http source: secrets', () => {
  it('sends the token from the named environment variable and never logs it', async () => {
    const server = await region();
    const { logger, lines } = capturingLogger();
    const s = source(
      server.url,
      { tokenEnv: 'REGION12_TOKEN', headerEnv: { 'x-api-key': 'REGION12_KEY' } },
      { env: { REGION12_TOKEN: 'sekret-token-123', REGION12_KEY: 'sekret-key-456' }, logger },
    );
    await s.fetch([{ collection: 'posts' }]);
    expect(server.headers[0]?.authorization).toBe('Bearer sekret-token-123');
    expect(server.headers[0]?.['x-api-key']).toBe('sekret-key-456');
    server.mode = 'http-500';
    const error = await s.fetch([{ collection: 'posts' }]).catch((e: Error) => e);
    expect(JSON.stringify({ message: (error as Error).message, stack: (error as Error).stack })).not.toMatch(
      /sekret/,
    );
    expect(lines.join('\n')).not.toMatch(/sekret/);
  });

  it('refuses to start when a named secret is missing, naming the path in the file', () => {
    let problems: readonly string[] = [];
    try {
      registryOf({
        regions: {
          '12': {
            kompetensforsorjning: { kind: 'http', url: 'http://127.0.0.1:1/api', tokenEnv: 'NOT_SET_TOKEN' },
          },
        },
      });
    } catch (error) {
      problems = (error as ConfigError).problems;
    }
    expect(problems).toEqual([
      'sources.regions.12.kompetensforsorjning.tokenEnv: environment variable NOT_SET_TOKEN is not set',
    ]);
  });
});
