/**
 * Mönstercache — per-request cost of the patient-flow suppression pattern over an HTTP source,
 * before and after the content-keyed cache (subgraphs/kit/suppression-cache.ts), on loopback only.
 *
 * Region 12's `patientFlows` of the small and the large dataset are served by a fake region API
 * (test/sources/support/region-server.ts), read through the real HTTP connector, which returns
 * fresh arrays on every call. "Before" is a cache with `maxEntries: 0` (the array-identity
 * WeakMap only: what the hub did before, so every request recomputes); "after" is the default
 * cache (digest of the content, then a hit). Measured over bounded, interleaved rounds:
 *   - pattern: the `cachedFlowProtection` call alone, on the array one HTTP fetch returned,
 *   - fetch: that HTTP fetch (for scale: the pattern is one part of a request),
 *   - request: a whole GraphQL request to a real subgraph reading region 12
 *     (`patientFlows(level: YEAR_ALL_CARE_AREAS, toRegion: "12", first: 10)`).
 * Prints medians and p95 per scale. Generates the large dataset into var/datasets if missing.
 *
 * Run: `npx tsx bench/suppression-cache.ts [rounds]` (default 30, at most 200).
 */
import { performance } from 'node:perf_hooks';
import { resolveConfig } from '../config/index.js';
import { projectPath } from '../core/paths.js';
import { ensureDataset } from '../datagen/generate.js';
import { cachedFlowProtection } from '../subgraphs/hogspecialiserad-vard/flow-protection.js';
import { MODULES } from '../subgraphs/index.js';
import { type SourceRecord, SuppressionCache, startSubgraph } from '../subgraphs/kit/index.js';
import { registryFromConfig } from '../subgraphs/kit/sources/config-registry.js';
import { datasetRecords, startRegionServer } from '../test/sources/support/region-server.js';
import { gql } from '../test/support/graphql.js';

const ROUNDS = Math.max(1, Math.min(Number(process.argv[2] ?? 30), 200));
const REGION = '12';
const THRESHOLD = 5;
const QUERY = `{ patientFlows(level: YEAR_ALL_CARE_AREAS, toRegion: "${REGION}", first: 10) {
  totalCount items { count suppressed } } }`;

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}
const fmt = (samples: number[]) => {
  const s = stats(samples);
  return `median ${s.median.toFixed(2).padStart(7)} ms  p95 ${s.p95.toFixed(2).padStart(7)} ms`;
};

async function measure(scale: 'small' | 'large') {
  const { path } = ensureDataset({ scale, seed: 20_210_101, dir: projectPath('var', 'datasets') });
  const flows = datasetRecords(path, REGION, 'hogspecialiserad-vard')('patientFlows')!;
  const api = await startRegionServer({ records: (c) => (c === 'patientFlows' ? flows : undefined) });
  const http = { cacheEntries: 0, maxResponseBytes: 64 * 1024 * 1024, totalTimeoutMs: 120_000 };
  const config = resolveConfig({
    sources: {
      fallback: 'embedded',
      regions: { [REGION]: { hogspecialiseradVard: { kind: 'http', url: api.url, http } } },
    },
  });
  const registry = registryFromConfig(config, { datasetPath: path, env: {} });
  const before = new SuppressionCache({ maxEntries: 0 });
  const after = new SuppressionCache();
  const server = (cache: SuppressionCache) =>
    startSubgraph(MODULES['hogspecialiserad-vard'], {
      host: '127.0.0.1',
      port: 0,
      registry,
      suppressionThreshold: THRESHOLD,
      suppressionCache: cache,
      bodyLimitBytes: 1024 * 1024,
      maxHeaderBytes: 16 * 1024,
      requestTimeoutMs: 120_000,
    });
  const [beforeServer, afterServer] = [
    await server(new SuppressionCache({ maxEntries: 0 })),
    await server(new SuppressionCache()),
  ];
  try {
    const source = registry.get('hogspecialiserad-vard', REGION)!;
    const time = <T>(f: () => T): [T, number] => {
      const t = performance.now();
      return [f(), performance.now() - t];
    };
    const samples = { fetch: [] as number[], before: [] as number[], after: [] as number[] };
    let hiddenCells = 0;
    // Warm-up: connections, JIT, the first (missing) computation of the cached variant.
    for (let i = 0; i < 2; i++) {
      const [records] = (await source.fetch([{ collection: 'patientFlows' }])) as [SourceRecord[]];
      cachedFlowProtection(before, records, THRESHOLD);
      cachedFlowProtection(after, records, THRESHOLD);
    }
    for (let round = 0; round < ROUNDS; round++) {
      const t = performance.now();
      const [records] = (await source.fetch([{ collection: 'patientFlows' }])) as [SourceRecord[]];
      samples.fetch.push(performance.now() - t);
      // Alternate the order, so neither variant always runs on a warmer cache line.
      const order = round % 2 === 0 ? ([before, after] as const) : ([after, before] as const);
      const [first, firstMs] = time(() => cachedFlowProtection(order[0], records, THRESHOLD));
      const [second, secondMs] = time(() => cachedFlowProtection(order[1], records, THRESHOLD));
      if (first.hiddenCells !== second.hiddenCells) throw new Error('patterns differ');
      hiddenCells = first.hiddenCells;
      samples[order[0] === before ? 'before' : 'after'].push(firstMs);
      samples[order[0] === before ? 'after' : 'before'].push(secondMs);
    }
    const requests = { before: [] as number[], after: [] as number[] };
    for (const url of [beforeServer.url, afterServer.url]) await gql(url, QUERY); // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, url] of [
        ['before', beforeServer.url],
        ['after', afterServer.url],
      ] as const) {
        const t = performance.now();
        const result = await gql(url, QUERY);
        if (result.errors) throw new Error(JSON.stringify(result.errors));
        requests[name].push(performance.now() - t);
      }
    }
    process.stdout.write(
      [
        `${scale}: region ${REGION}, ${flows.length} monthly flow records, ${hiddenCells} hidden cells, ${ROUNDS} rounds`,
        `  HTTP fetch of the records       : ${fmt(samples.fetch)}`,
        `  pattern, before (recomputed)    : ${fmt(samples.before)}`,
        `  pattern, after (digest + hit)   : ${fmt(samples.after)}`,
        `  whole request, before           : ${fmt(requests.before)}`,
        `  whole request, after            : ${fmt(requests.after)}`,
        `  after-cache stats               : ${JSON.stringify(after.stats)}`,
        '',
      ].join('\n'),
    );
  } finally {
    await beforeServer.close();
    await afterServer.close();
    await registry.close();
    await api.stop();
  }
}

for (const scale of ['small', 'large'] as const) await measure(scale);
