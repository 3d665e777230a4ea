// Our target: the Vårdnav gateway (gateway/, entry `startGateway`), one process.
// node --import tsx targets/vardnav.mjs --supergraph <file> --port <n> [--host 127.0.0.1] [--from src|dist]
//   --from src  (default) imports ../gateway/<entry>.ts through tsx (always the current sources);
//   --from dist imports ../dist/gateway/<entry>.js (after `npm run build` at the root).
// Prints {"ready":true,"url":…} once listening. `findGatewayEntry` is also used by the harness to
// skip this target cleanly while the gateway has no `startGateway` yet.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ENTRY_NAMES = ['index', 'server', 'start', 'gateway'];

/** { path } of the first gateway module that exports startGateway, or { reason } why there is none. */
export function findGatewayEntry(from = 'src') {
  const [dir, ext] =
    from === 'dist' ? [join(ROOT, 'dist', 'gateway'), '.js'] : [join(ROOT, 'gateway'), '.ts'];
  for (const name of ENTRY_NAMES) {
    const path = join(dir, name + ext);
    if (
      existsSync(path) &&
      /export\s+(async\s+)?function\s+startGateway\b|\bstartGateway\b.*export|export\s*\{[^}]*\bstartGateway\b/s.test(
        readFileSync(path, 'utf8'),
      )
    ) {
      return { path };
    }
  }
  return { reason: `no ${dir}/{${ENTRY_NAMES.join(',')}}${ext} exporting startGateway yet` };
}

/** Estimated cost allowed in the benchmark: The Guild's nested query (b) measures ~103 000 with the
 * gateway's defaultListSize 10, above the default maxCost of 50 000. */
const BENCH_MAX_COST = 10_000_000;

/**
 * The gateway's secure defaults (gateway/security/options: access enforcement, limits in enforce
 * mode, anonymous callers) with only maxCost raised so query (b) is served; the cost is still
 * measured on every request. undefined when the gateway has no security module.
 */
async function benchSecurity(entryPath) {
  const path = join(dirname(entryPath), 'security', `options${entryPath.endsWith('.ts') ? '.ts' : '.js'}`);
  if (!existsSync(path)) return undefined;
  const { DEFAULT_SECURITY } = await import(pathToFileURL(path).href);
  if (!DEFAULT_SECURITY?.limits) return undefined;
  return { ...DEFAULT_SECURITY, limits: { ...DEFAULT_SECURITY.limits, maxCost: BENCH_MAX_COST } };
}

async function main() {
  const { values } = parseArgs({
    options: {
      supergraph: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      from: { type: 'string' },
      'no-dedup': { type: 'boolean' },
    },
  });
  const entry = findGatewayEntry(values.from ?? 'src');
  if (!entry.path) throw new Error(entry.reason);
  const { startGateway } = await import(pathToFileURL(entry.path).href);
  const security = await benchSecurity(entry.path);
  const host = values.host ?? '127.0.0.1';
  // GatewayServerOptions (gateway/options.ts): the resolved defaults of config/schema.ts.
  const running = await startGateway({
    supergraph: values.supergraph,
    host,
    port: Number(values.port ?? 0),
    subgraphTimeoutMs: 10_000,
    planCacheSize: 1_000,
    supergraphPollIntervalMs: 0,
    bodyLimitBytes: 1024 * 1024,
    maxHeaderBytes: 16 * 1024,
    requestTimeoutMs: 30_000,
    introspection: false,
    dedupeSubgraphRequests: !values['no-dedup'],
    ...(security ? { security } : {}),
  });
  const url = running.url ?? `http://${host}:${running.port}/graphql`;
  process.stdout.write(`${JSON.stringify({ ready: true, url, entry: entry.path })}\n`);
  const stopProfile = await startProfile(process.env);
  process.on('SIGTERM', async () => {
    await stopProfile();
    await running.close?.();
    process.exit(0);
  });
}

/**
 * Profiling aid (the benchmark itself never sets these): PROF_OUT=<file> records a CPU profile of
 * this process from PROF_DELAY_MS (default 4000) after start until SIGTERM; PROF_HEAP=all records
 * a sampling heap profile of every allocation instead, PROF_HEAP=survivors only of objects that
 * outlived a young-generation GC. (--cpu-prof cannot be passed through NODE_OPTIONS.)
 */
async function startProfile(env) {
  if (!env.PROF_OUT) return async () => {};
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  const heap = env.PROF_HEAP === 'all' || env.PROF_HEAP === 'survivors';
  await session.post(heap ? 'HeapProfiler.enable' : 'Profiler.enable');
  const sampling = {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: env.PROF_HEAP === 'all',
  };
  setTimeout(
    () => session.post(heap ? 'HeapProfiler.startSampling' : 'Profiler.start', heap ? sampling : undefined),
    Number(env.PROF_DELAY_MS ?? 4000),
  );
  return async () => {
    const { profile } = await session.post(heap ? 'HeapProfiler.stopSampling' : 'Profiler.stop');
    writeFileSync(env.PROF_OUT, JSON.stringify(profile));
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    process.stderr.write(`vardnav target failed: ${error?.stack ?? error}\n`);
    process.exit(1);
  });
}
