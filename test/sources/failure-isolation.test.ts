import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegionData } from '../../subgraphs/kit/index.js';
import type { ConfiguredRegistry } from '../../subgraphs/kit/sources/config-registry.js';
import { testDatasetPath } from '../support/dataset.js';
import { CountingSource } from '../support/sources.js';
import { startTestSubgraph, type TestSubgraph } from '../support/subgraph.js';
import { ALL_REGIONS, FAST_HTTP, registryOf } from './support/config.js';
import { datasetRecords, type RegionServer, startRegionServer } from './support/region-server.js';

/**
 * Felisolering — 21 regions, each behind its own HTTP source API on loopback; one of them (13,
 * Halland) misbehaves in every way a region's system can. The other 20 still answer, the broken
 * one is reported with a stable code and its länskod, nothing garbage is cached, and it recovers.
 */

const DOMAIN = 'nara-vard';
const COLLECTION = 'primaryCareUnits';
const BROKEN = '13';

const servers = new Map<string, RegionServer>();
let registry: ConfiguredRegistry;
let subgraph: TestSubgraph;

beforeAll(async () => {
  const dataset = testDatasetPath();
  for (const code of ALL_REGIONS) {
    servers.set(
      code,
      await startRegionServer({
        records: datasetRecords(dataset, code, DOMAIN),
        // Garbage answers also carry cache validators: they must still never be cached.
        etag: true,
      }),
    );
  }
  registry = registryOf(
    {
      fallback: 'embedded',
      regions: Object.fromEntries(
        ALL_REGIONS.map((code) => [
          code,
          {
            naraVard: {
              kind: 'http',
              url: servers.get(code)!.url,
              http: FAST_HTTP,
              breaker: { failureThreshold: 1000 },
            },
          },
        ]),
      ),
    },
    { datasetPath: dataset },
  );
  subgraph = await startTestSubgraph(DOMAIN, { registry });
});

afterAll(async () => {
  await subgraph?.close();
  await Promise.all([...servers.values()].map((s) => s.stop()));
  await registry?.close();
});

const FAULTS = [
  {
    fault: 'connection refused',
    code: 'REGION_SOURCE_UNAVAILABLE',
    break: (s: RegionServer) => s.stop(),
    heal: (s: RegionServer) => s.restart(),
  },
  { fault: 'no answer (header timeout)', mode: 'slow-headers', code: 'REGION_SOURCE_TIMEOUT' },
  { fault: 'HTTP 500', mode: 'http-500', code: 'REGION_SOURCE_UNAVAILABLE' },
  { fault: 'invalid JSON', mode: 'invalid-json', code: 'REGION_SOURCE_BAD_RESPONSE' },
  { fault: 'JSON of the wrong shape', mode: 'wrong-shape', code: 'REGION_SOURCE_BAD_RESPONSE' },
  { fault: 'a body that never ends', mode: 'never-ending-body', code: 'REGION_SOURCE_TIMEOUT' },
  { fault: 'an oversized body', mode: 'oversized-body', code: 'REGION_SOURCE_BAD_RESPONSE' },
] as const;

async function breakRegion(f: (typeof FAULTS)[number]) {
  const server = servers.get(BROKEN)!;
  if ('break' in f) await f.break(server);
  else server.mode = f.mode;
}
async function healRegion(f: (typeof FAULTS)[number]) {
  const server = servers.get(BROKEN)!;
  if ('heal' in f) await f.heal(server);
  else server.mode = 'ok';
}

describe('failure isolation through RegionData (21 HTTP sources)', () => {
  for (const f of FAULTS) {
    it(`${f.fault}: the other 20 regions answer; ${f.code} names region ${BROKEN}; it recovers`, async () => {
      const healthy = await new RegionData({ domain: DOMAIN, registry }).collect(COLLECTION);
      expect(healthy.missingRegions).toEqual([]);
      const expected = healthy.records.filter((r) => r.regionCode !== BROKEN).length;

      await breakRegion(f);
      const before = servers.get(BROKEN)!.requests.length;
      const broken = await new RegionData({ domain: DOMAIN, registry }).collect(COLLECTION);
      expect(broken.missingRegions).toEqual([BROKEN]);
      expect(broken.records).toHaveLength(expected);
      expect(broken.errors.map((e) => e.extensions)).toEqual([{ code: f.code, region: BROKEN }]);

      await healRegion(f);
      const recovered = await new RegionData({ domain: DOMAIN, registry }).collect(COLLECTION);
      expect(recovered.missingRegions).toEqual([]);
      expect(recovered.records).toHaveLength(healthy.records.length);
      // Recovery asked the region again: nothing from the broken answer was kept.
      expect(servers.get(BROKEN)!.requests.length).toBeGreaterThan(before);
    });
  }
});

describe('failure isolation through GraphQL (nara-vard subgraph over 21 HTTP sources)', () => {
  it('serves the other regions, null for the failed region part, and a coded error per fault', async () => {
    for (const f of FAULTS) {
      await breakRegion(f);
      const result = await subgraph.query<{
        primaryCareUnits: { totalCount: number; missingRegions: string[] };
        _entities: Array<{ code: string; primaryCareUnits: { totalCount: number } | null }>;
      }>(
        `query($r: [_Any!]!) {
          primaryCareUnits(first: 1) { totalCount missingRegions }
          _entities(representations: $r) { ... on Region { code primaryCareUnits { totalCount } } }
        }`,
        {
          r: [
            { __typename: 'Region', code: BROKEN },
            { __typename: 'Region', code: '14' },
          ],
        },
      );
      expect(result.data?.primaryCareUnits.missingRegions, f.fault).toEqual([BROKEN]);
      expect(result.data?._entities[0], f.fault).toEqual({ code: BROKEN, primaryCareUnits: null });
      expect(result.data?._entities[1]?.primaryCareUnits?.totalCount, f.fault).toBeGreaterThan(0);
      const codes = (result.errors ?? []).map((e) => [e.extensions?.code, e.extensions?.region]);
      expect(codes.length, f.fault).toBeGreaterThan(0);
      for (const code of codes) expect(code, f.fault).toEqual([f.code, BROKEN]);
      for (const e of result.errors ?? [])
        expect(e.message).not.toMatch(/127\.0\.0\.1|HTTP 500|ECONNREFUSED/);
      await healRegion(f);
      const healed = await subgraph.query<{ primaryCareUnits: { missingRegions: string[] } }>(
        '{ primaryCareUnits(first: 1) { missingRegions } }',
      );
      expect(healed.errors, f.fault).toBeUndefined();
      expect(healed.data?.primaryCareUnits.missingRegions).toEqual([]);
    }
  });
});

describe('batching over HTTP sources', () => {
  it('a query touching all 21 regions makes one source call and one HTTP request per region', async () => {
    const counters = new Map<string, CountingSource>();
    let counted = registry as import('../../subgraphs/kit/index.js').MapSourceRegistry;
    for (const code of ALL_REGIONS) {
      const counter = new CountingSource(registry.get(DOMAIN, code)!);
      counters.set(code, counter);
      counted = counted.with(DOMAIN, code, counter);
    }
    const server = await startTestSubgraph(DOMAIN, { registry: counted });
    try {
      for (const s of servers.values()) s.requests.length = 0;
      const result = await server.query(
        `query($r: [_Any!]!) {
          primaryCareUnits { totalCount }
          more: primaryCareUnits(offset: 5) { totalCount }
          _entities(representations: $r) { ... on Region { code primaryCareUnits { totalCount } } }
        }`,
        { r: ALL_REGIONS.map((code) => ({ __typename: 'Region', code })) },
      );
      expect(result.errors).toBeUndefined();
      for (const [code, counter] of counters) expect(counter.calls, `source calls of ${code}`).toBe(1);
      for (const [code, s] of servers) expect(s.requests, `HTTP requests to ${code}`).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
