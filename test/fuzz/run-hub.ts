/**
 * The full hub fuzz run (`npm run fuzz` runs it after the shop fuzz, test/fuzz/run.ts): ≥ 5 000
 * schema-aware requests against the real hub (five subgraphs on the test dataset, our gateway
 * with a test issuer's tokens) on loopback. Prints one JSON line of measurements; exits non-zero
 * on any violation, when less than 60 % of requests reach execution with data, when the hub is
 * unhealthy afterwards or when the heap grew by more than 256 MB.
 * Usage: tsx test/fuzz/run-hub.ts [runs] [seed]
 */
import { fuzzHub } from './fuzz-hub.js';
import { type FuzzHub, startFuzzHub } from './hub-target.js';

const runs = Number(process.argv[2] ?? 5_000);
const seed = Number(process.argv[3] ?? 20250505);
let target: FuzzHub | undefined;
try {
  target = await startFuzzHub();
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  const outcome = await fuzzHub(target, runs, seed);
  const seconds = Math.round((performance.now() - started) / 1000);
  global.gc?.();
  const growthMb = Math.round((process.memoryUsage().heapUsed - before) / 1024 / 1024);
  const health = await fetch(target.url.replace(/graphql$/, 'health'));
  const { violations, slowestQuery, ...numbers } = outcome;
  process.stdout.write(
    `${JSON.stringify({ target: 'hub', ...numbers, seconds, heapGrowthMb: growthMb, healthy: health.status === 200 })}\n`,
  );
  process.stdout.write(`slowest operation (${outcome.slowestMs} ms):\n${slowestQuery}\n`);
  for (const v of violations) process.stdout.write(`VIOLATION ${JSON.stringify(v)}\n`);
  if (violations.length > 0 || outcome.withDataShare < 0.6 || health.status !== 200 || growthMb > 256)
    process.exitCode = 1;
} catch (error) {
  process.stderr.write(`hub fuzz failed: ${(error as Error).stack}\n`);
  process.exitCode = 1;
} finally {
  await target?.close();
}
