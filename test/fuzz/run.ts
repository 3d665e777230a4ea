/**
 * The full fuzz run (`npm run fuzz`, also run by .ci/run): ≥ 10 000 random and mutated requests
 * against a secured gateway over the shop fixture on loopback; checks that every answer is
 * well-formed and bounded in time, and that memory stays bounded. Exits non-zero on failure.
 * Usage: tsx test/fuzz/run.ts [runs] [seed]
 */
import { type SecuredShop, startSecuredShop } from '../security/shop.js';
import { fuzzGateway, fuzzTokens } from './fuzz-gateway.js';

const runs = Number(process.argv[2] ?? 10_000);
const seed = Number(process.argv[3] ?? 20250101);
let s: SecuredShop | undefined;
try {
  s = await startSecuredShop();
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  const outcome = await fuzzGateway(s.gateway.url, runs, seed, 5_000, await fuzzTokens(s));
  global.gc?.();
  const growthMb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  const health = await fetch(s.gateway.url.replace(/graphql$/, 'health'));
  process.stdout.write(
    `${JSON.stringify({ ...outcome, seed, seconds: Math.round((performance.now() - started) / 1000), heapGrowthMb: Math.round(growthMb), healthy: health.status === 200 })}\n`,
  );
  if (health.status !== 200 || growthMb > 256) process.exitCode = 1;
} catch (error) {
  process.stderr.write(
    `fuzz failed: ${(error as Error).message}\ncause: ${String((error as Error).cause)}\n`,
  );
  process.exitCode = 1;
} finally {
  await s?.close();
}
