/**
 * Källfläkt — cost of a 21-region fan-out over HTTP sources, on loopback only.
 *
 * 21 fake region APIs (test/sources/support/region-server.ts), region i answering after
 * 5 + 2.25·i ms (slowest: 50 ms), each with `RECORDS` records. Measures, over bounded rounds:
 *   - the slowest single source alone (one region, one collection),
 *   - RegionData.collect over all 21 regions (one source call and one HTTP request per region),
 *     both reading the same filtered collection (`year = 2022`, pushed down to the region),
 * and prints wall times (median, p95) and the fan-out overhead over the slowest source.
 * Caching is off (no validators), so every round makes real requests.
 *
 * Run: `npx tsx bench/sources-fanout.ts [rounds] [records]` (defaults 40 and 200).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { resolveConfig } from '../config/index.js';
import { LANSKODER } from '../core/regions.js';
import { RegionData } from '../subgraphs/kit/index.js';
import { registryFromConfig } from '../subgraphs/kit/sources/config-registry.js';
import { type RegionServer, startRegionServer } from '../test/sources/support/region-server.js';

const REGIONS = LANSKODER;
const ROUNDS = Math.min(Number(process.argv[2] ?? 40), 500);
const RECORDS = Math.min(Number(process.argv[3] ?? 200), 5_000);

const delayOf = (i: number) => 5 + (45 * i) / (REGIONS.length - 1);

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95), min: sorted[0]! };
}

async function main() {
  const servers: RegionServer[] = [];
  for (const [i, code] of REGIONS.entries()) {
    const records = Array.from({ length: RECORDS }, (_, n) => ({
      id: `${code}-${n}`,
      regionCode: code,
      year: 2020 + (n % 5),
      value: n,
      source: 'benchmark fixture (synthetic)',
      synthetic: true,
    }));
    servers.push(await startRegionServer({ records: () => records, delayMs: delayOf(i) }));
  }
  const config = resolveConfig({
    sources: {
      fallback: 'none',
      regions: Object.fromEntries(
        REGIONS.map((code, i) => [
          code,
          { naraVard: { kind: 'http', url: servers[i]!.url, http: { cacheEntries: 0 } } },
        ]),
      ),
    },
  });
  const registry = registryFromConfig(config, {
    datasetPath: mkdtempSync(join(tmpdir(), 'vardnav-bench-')),
    env: {},
  });
  try {
    const slowest = registry.get('nara-vard', REGIONS.at(-1)!)!;
    const single: number[] = [];
    const fanout: number[] = [];
    // Warm-up: connections opened, JIT warmed.
    for (let i = 0; i < 3; i++) await new RegionData({ domain: 'nara-vard', registry }).collect('items');
    for (let round = 0; round < ROUNDS; round++) {
      let t = performance.now();
      await slowest.fetch([{ collection: 'items', filter: { year: 2022 } }]);
      single.push(performance.now() - t);
      t = performance.now();
      const collected = await new RegionData({ domain: 'nara-vard', registry }).collect('items', {
        filter: { year: 2022 },
      });
      fanout.push(performance.now() - t);
      if (collected.missingRegions.length > 0) throw new Error(`regions failed: ${collected.missingRegions}`);
    }
    const s = stats(single);
    const f = stats(fanout);
    const requests = servers.reduce((sum, server) => sum + server.requests.length, 0);
    const fmt = (n: number) => `${n.toFixed(1)} ms`;
    process.stdout.write(
      [
        `sources fan-out: 21 HTTP regions on loopback, ${RECORDS} records each, answer delays 5–50 ms, ${ROUNDS} rounds`,
        `slowest single source : median ${fmt(s.median)}  p95 ${fmt(s.p95)}  min ${fmt(s.min)}`,
        `21-region fan-out     : median ${fmt(f.median)}  p95 ${fmt(f.p95)}  min ${fmt(f.min)}`,
        `fan-out overhead      : median ${fmt(f.median - s.median)} (${((f.median / s.median - 1) * 100).toFixed(1)} %)`,
        `HTTP requests         : ${requests} (${REGIONS.length} per fan-out round + 1 per single round)`,
        '',
      ].join('\n'),
    );
  } finally {
    await registry.close();
    await Promise.all(servers.map((s) => s.stop()));
  }
}

await main();
