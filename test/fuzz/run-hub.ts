/**
 * The full hub fuzz run (`npm run fuzz` runs it after the shop fuzz, test/fuzz/run.ts): ≥ 5 000
 * schema-aware requests against the real hub (five subgraphs on the test dataset, our gateway
 * with a test issuer's tokens) on loopback. Prints one JSON line of measurements; exits non-zero
 * on any violation, when less than 60 % of requests reach execution with data, when the hub is
 * unhealthy afterwards or when memory is not bounded (below).
 * Usage: NODE_OPTIONS=--expose-gc tsx test/fuzz/run-hub.ts [runs] [seed]
 *
 * Memory (measured after a forced GC, so only with --expose-gc; without it the guard is off and
 * says so): every operation is distinct, so the heap grows until the per-operation caches are
 * full (~3 000 operations), then stays flat. Those caches, all in this one process: the five
 * subgraphs' Apollo document stores (core/document-store.ts, 16 MiB each, ~12 MB real), the
 * gateway's Apollo document store (a BoundedDocumentStore too: ~7 MB; Apollo's default held
 * ~118 MB), the operation guard's 1 000 parsed documents (~20 MB), the plan
 * cache (100 plans, ~7 MB). Measured plateau: 108 MB, flat from 3 000 to 10 000 operations
 * (220 MB with Apollo's default store in the gateway). The guard fails on
 * - growth over the whole run above MAX_GROWTH_MB (the caches' sum plus a margin), and
 * - growth over the second half above MAX_SECOND_HALF_GROWTH_MB: a bounded cache plateaus, a leak
 *   keeps growing with every distinct operation.
 */
import { fuzzHub } from './fuzz-hub.js';
import { type FuzzHub, startFuzzHub } from './hub-target.js';

// The bounded caches' sum (~108 MB measured) plus a margin.
const MAX_GROWTH_MB = 160;
const MAX_SECOND_HALF_GROWTH_MB = 40;

const runs = Number(process.argv[2] ?? 5_000);
const seed = Number(process.argv[3] ?? 20250505);
let target: FuzzHub | undefined;
try {
  target = await startFuzzHub();
  const gc = global.gc;
  const heapMb = () => {
    gc?.();
    return process.memoryUsage().heapUsed / 1024 / 1024;
  };
  const before = heapMb();
  // Both taken inside the loop (the sampled requests alive both times), so they compare.
  let halfway = 0;
  let last = 0;
  const started = performance.now();
  const outcome = await fuzzHub(target, runs, seed, 5_000, (index) => {
    if (!gc) return;
    if (index === Math.floor(runs / 2)) halfway = heapMb();
    if (index === runs - 1) last = heapMb();
  });
  const seconds = Math.round((performance.now() - started) / 1000);
  const growthMb = gc ? Math.round(heapMb() - before) : null;
  const secondHalfGrowthMb = gc ? Math.round(last - halfway) : null;
  const memoryBounded =
    growthMb === null ||
    (growthMb <= MAX_GROWTH_MB && (secondHalfGrowthMb ?? 0) <= MAX_SECOND_HALF_GROWTH_MB);
  const health = await fetch(target.url.replace(/graphql$/, 'health'));
  const { violations, slowestQuery, ...numbers } = outcome;
  process.stdout.write(
    `${JSON.stringify({ target: 'hub', ...numbers, seconds, heapGrowthMb: growthMb, secondHalfGrowthMb, healthy: health.status === 200 })}\n`,
  );
  if (!gc) process.stdout.write('memory guard off: run with NODE_OPTIONS=--expose-gc\n');
  else if (!memoryBounded)
    process.stdout.write(
      `MEMORY heap grew ${growthMb} MB (max ${MAX_GROWTH_MB}), ${secondHalfGrowthMb} MB in the second half (max ${MAX_SECOND_HALF_GROWTH_MB})\n`,
    );
  process.stdout.write(`slowest operation (${outcome.slowestMs} ms):\n${slowestQuery}\n`);
  for (const v of violations) process.stdout.write(`VIOLATION ${JSON.stringify(v)}\n`);
  if (violations.length > 0 || outcome.withDataShare < 0.6 || health.status !== 200 || !memoryBounded)
    process.exitCode = 1;
} catch (error) {
  process.stderr.write(`hub fuzz failed: ${(error as Error).stack}\n`);
  process.exitCode = 1;
} finally {
  await target?.close();
}
