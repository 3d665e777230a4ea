import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FLOW_TABLES, protectFlows } from '../../subgraphs/hogspecialiserad-vard/flow-protection.js';
import { MODULES } from '../../subgraphs/index.js';
import {
  type RunningServer,
  type SourceRecord,
  SuppressionCache,
  startSubgraph,
} from '../../subgraphs/kit/index.js';
import type { ConfiguredRegistry } from '../../subgraphs/kit/sources/config-registry.js';
import { FAST_HTTP, registryOf } from '../sources/support/config.js';
import { type RegionServer, startRegionServer } from '../sources/support/region-server.js';
import { CELL, type Cell, type FlowPage } from '../subgraphs/hogspecialiserad-vard/flows.js';
import { testDatasetPath } from '../support/dataset.js';
import { gql } from '../support/graphql.js';

/**
 * The content-keyed suppression cache, through a real hogspecialiserad-vard subgraph whose region 12
 * is an HTTP source on loopback: every request parses the region's answer into fresh arrays, so the
 * WeakMap on the array never hits and only the content digest can. Computations are counted by the
 * cache the server is given (`SuppressionCache.stats`), never by timing.
 */
const THRESHOLD = 5;
const REGION = '12';
const original: SourceRecord[] = JSON.parse(
  readFileSync(join(testDatasetPath(), REGION, 'hogspecialiserad-vard', 'patientFlows.json'), 'utf8'),
);
/** What region 12's API serves now (tests swap it to change the content). */
let served: SourceRecord[] = original;

let api: RegionServer;
let registry: ConfiguredRegistry;
const servers: RunningServer[] = [];

async function subgraph(cache: SuppressionCache) {
  const server = await startSubgraph(MODULES['hogspecialiserad-vard'], {
    host: '127.0.0.1',
    port: 0,
    registry,
    suppressionThreshold: THRESHOLD,
    suppressionCache: cache,
    bodyLimitBytes: 1024 * 1024,
    maxHeaderBytes: 16 * 1024,
    requestTimeoutMs: 10_000,
  });
  servers.push(server);
  return server;
}

beforeAll(async () => {
  api = await startRegionServer({ records: (c) => (c === 'patientFlows' ? served : undefined) });
  const http = { ...FAST_HTTP, totalTimeoutMs: 10_000, maxResponseBytes: 4 * 1024 * 1024, cacheEntries: 0 };
  registry = registryOf(
    {
      fallback: 'embedded',
      regions: { [REGION]: { hogspecialiseradVard: { kind: 'http', url: api.url, http } } },
    },
    { datasetPath: testDatasetPath() },
  );
});
afterAll(async () => {
  for (const server of servers) await server.close();
  await registry.close();
  await api.stop();
});

/** All cells of one level of region 12's tables (every page), as the subgraph serves them. */
async function table(server: RunningServer, level = 'MONTH', filters = '') {
  const cells: Cell[] = [];
  for (let offset = 0; offset < 100_000; offset += 1000) {
    const result = await gql<{ patientFlows: FlowPage }>(
      server.url,
      `{ patientFlows(level: ${level}, toRegion: "${REGION}" ${filters}, first: 1000, offset: ${offset}) {
        totalCount hasNextPage missingRegions items { ${CELL} } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.patientFlows.missingRegions).toEqual([]);
    cells.push(...result.data!.patientFlows.items);
    if (!result.data!.patientFlows.hasNextPage) return cells;
  }
  throw new Error('too many pages');
}

/** One monthly cell of region 12, picked by its record. */
async function cell(server: RunningServer, record: SourceRecord) {
  const filters = `fromRegion: "${record.fromRegion}", careArea: "${record.careArea}", month: "${record.month}"`;
  const cells = await table(server, 'MONTH', filters);
  expect(cells).toHaveLength(1);
  return cells[0]!;
}

/** `served` with one record's count changed by `delta` (a fresh array: the source's next answer). */
function withCount(index: number, delta: number): SourceRecord[] {
  const next = original.map((r) => ({ ...r }));
  next[index] = { ...next[index]!, count: Number(next[index]!.count) + delta };
  return next;
}

it('a second identical request over fresh arrays is served by content: no recomputation', async () => {
  served = original;
  const cache = new SuppressionCache();
  const server = await subgraph(cache);
  const first = await table(server, 'YEAR');
  expect(cache.stats).toMatchObject({ computations: 1, contentHits: 0, entries: 1 });
  const second = await table(server, 'YEAR');
  expect(cache.stats).toMatchObject({ computations: 1, contentHits: 1, identityHits: 0, entries: 1 });
  expect(second).toEqual(first);
  expect(first.some((c) => c.suppressed)).toBe(true);
});

it('one count changed by 1 recomputes, and the served pattern is the new content’s', async () => {
  // A published monthly cell at exactly the threshold: one less makes it a small cell.
  const pattern = protectFlows(original, THRESHOLD);
  const index = original.findIndex(
    (r) =>
      r.count === THRESHOLD &&
      !pattern.isSuppressed('MONTH', String(r.month), String(r.careArea), String(r.fromRegion), REGION),
  );
  expect(index).toBeGreaterThanOrEqual(0);
  const record = original[index]!;
  served = original;
  const cache = new SuppressionCache();
  const server = await subgraph(cache);
  expect(await cell(server, record)).toMatchObject({ count: THRESHOLD, suppressed: false });
  served = withCount(index, -1);
  expect(await cell(server, record)).toMatchObject({ count: null, suppressed: true });
  expect(cache.stats).toMatchObject({ computations: 2, contentHits: 0, entries: 2 });
  // Back to the original content: still cached, served as before.
  served = original;
  expect(await cell(server, record)).toMatchObject({ count: THRESHOLD, suppressed: false });
  expect(cache.stats).toMatchObject({ computations: 2, contentHits: 1 });
});

it('a change that leaves the pattern as it was is still recomputed, never assumed', async () => {
  const index = original.findIndex((r) => Number(r.count) > 100);
  served = original;
  const cache = new SuppressionCache();
  const server = await subgraph(cache);
  await cell(server, original[index]!);
  served = withCount(index, 1);
  expect(await cell(server, original[index]!)).toMatchObject({
    count: Number(original[index]!.count) + 1,
    suppressed: false,
  });
  expect(cache.stats.computations).toBe(2);
});

it('serves exactly what the uncached computation serves, at every level', async () => {
  served = withCount(
    original.findIndex((r) => r.count === THRESHOLD),
    -1,
  );
  const cache = new SuppressionCache();
  const [cached, uncached] = [await subgraph(cache), await subgraph(new SuppressionCache({ maxEntries: 0 }))];
  for (const level of ['MONTH', 'YEAR', 'MONTH_ALL_CARE_AREAS', 'YEAR_ALL_CARE_AREAS']) {
    const expected = await table(uncached, level);
    await table(cached, level); // computes (first level) or hits
    expect(await table(cached, level), level).toEqual(expected); // served from the cache
  }
  expect(cache.stats.computations).toBe(1);
  expect(cache.stats.contentHits).toBeGreaterThanOrEqual(7);
  // And the cached pattern is protectFlows' own, cell by cell.
  const direct = protectFlows(served, THRESHOLD);
  const fromCache = cache.protect(
    FLOW_TABLES,
    served.map((r) => ({ ...r })),
    THRESHOLD,
  );
  expect(cache.stats.computations).toBe(1);
  expect(fromCache.hiddenCells).toBe(direct.hiddenCells);
  for (const r of served) {
    const args = ['MONTH', String(r.month), String(r.careArea), String(r.fromRegion), REGION] as const;
    expect(fromCache.isSuppressed(...args)).toBe(direct.isSuppressed(...args));
  }
});

it('stays bounded: at most maxEntries patterns, least recently used evicted first', async () => {
  const cache = new SuppressionCache({ maxEntries: 2 });
  const server = await subgraph(cache);
  const record = original[0]!;
  const contents = [0, 1, 2, 3].map((delta) => (delta === 0 ? original : withCount(0, delta)));
  for (const content of contents) {
    served = content;
    await cell(server, record);
    expect(cache.stats.entries).toBeLessThanOrEqual(2);
  }
  expect(cache.stats).toMatchObject({ computations: 4, contentHits: 0, entries: 2 });
  served = contents[3]!; // most recent: kept
  await cell(server, record);
  expect(cache.stats).toMatchObject({ computations: 4, contentHits: 1 });
  served = contents[0]!; // evicted: computed again
  await cell(server, record);
  expect(cache.stats).toMatchObject({ computations: 5, entries: 2 });
});
