// Vårdnav gateway benchmark (issue 3). `npm run bench` at the root → node run.mjs in bench/.
// Starts the four fixture subgraphs, then in interleaved rounds each target pinned to core 0:
// oracle check, then per query warm-up, measured window at full load, window at 1 connection.
// Writes results/latest.json and results/latest.md. See docs/benchmark.md.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readOptions, USAGE } from './lib/args.mjs';
import { startFixtures } from './lib/fixtures.mjs';
import { measureQuery } from './lib/measure.mjs';
import { expectedResponses } from './lib/oracle.mjs';
import { pinningPlan, pinSelf, stopAllProcesses } from './lib/proc.mjs';
import { updateReadme } from './lib/readme.mjs';
import { renderMarkdown } from './lib/report.mjs';
import { runSoak } from './lib/soak.mjs';
import { checkTargets, compare, summariseTarget } from './lib/summary.mjs';
import { startTarget, verifyTarget } from './lib/target.mjs';
import { TARGETS } from './targets/index.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const log = (message) => process.stderr.write(`[bench] ${message}\n`);

function versions() {
  const read = (name) => {
    try {
      return JSON.parse(readFileSync(join(BENCH, 'node_modules', name, 'package.json'), 'utf8')).version;
    } catch {
      return 'missing';
    }
  };
  const names = [
    '@apollo/gateway',
    '@apollo/server',
    '@graphql-hive/gateway',
    '@graphql-hive/router-runtime',
    'autocannon',
    'graphql',
  ];
  return Object.fromEntries(names.map((n) => [n, read(n)]));
}

async function main() {
  const options = readOptions(process.argv.slice(2));
  if (options.help) return void process.stdout.write(`${USAGE}\n`);
  const pinning = pinningPlan();
  const pinned = pinSelf(pinning);
  const pinningText = pinned
    ? `target on core ${pinning.targetCore}, fixtures + load generator on core ${pinning.loadCore} (taskset)`
    : 'not pinned (needs taskset and 2 cores)';
  log(`mode ${options.mode}; ${pinningText}`);
  // Scratch space (supergraph file, the Hive CLI's working directory) outside the repository.
  const workDir = mkdtempSync(join(tmpdir(), 'vardnav-bench-'));
  mkdirSync(dirname(join(BENCH, options.out)), { recursive: true });
  const expected = await expectedResponses();
  const fixtures = await startFixtures(workDir);
  const ctx = {
    supergraphPath: fixtures.supergraphPath,
    workDir,
    pinning,
    vardnavFrom: options.vardnavFrom,
    floorServer: options.floorServer,
  };
  const stopAll = async () => {
    await fixtures.stop();
    rmSync(workDir, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => stopAllProcesses().finally(() => stopAll().finally(() => process.exit(130))));
  }
  try {
    if (options.mode === 'soak')
      return await runSoak({ options, ctx, expected, fixtures, log, bench: BENCH });
    if (options.mode === 'check') return await runCheck({ options, ctx, expected });
    await runBench({ options, ctx, expected, fixtures, pinningText });
  } finally {
    await stopAll();
  }
}

async function runBench({ options, ctx, expected, fixtures, pinningText }) {
  const selected = TARGETS.filter((t) => options.targets.includes(t.id));
  const state = selected.map((t) => {
    const availability = t.available(ctx);
    const queries = t.queries.filter((q) => options.queries.includes(q));
    return {
      id: t.id,
      label: t.label,
      kind: t.kind,
      queries,
      target: t,
      rounds: [],
      status: availability.ok && queries.length ? 'pending' : 'skipped',
      reason: availability.reason ?? (queries.length ? undefined : 'no selected query applies'),
    };
  });
  for (const s of state.filter((x) => x.status === 'skipped')) log(`${s.id}: skipped (${s.reason})`);
  const active = state.filter((s) => s.status !== 'skipped');
  for (let round = 1; round <= options.rounds; round++) {
    const offset = (round - 1) % Math.max(1, active.length);
    const order = active.slice(offset).concat(active.slice(0, offset));
    for (const s of order) s.rounds.push(await runRound(s, round, { options, ctx, expected, fixtures }));
  }
  const summary = {};
  for (const s of state) summary[s.id] = { id: s.id, label: s.label, kind: s.kind, ...summariseTarget(s) };
  let soak = null;
  try {
    soak = JSON.parse(readFileSync(join(BENCH, 'results', 'soak-latest.json'), 'utf8'));
  } catch {}
  const results = {
    mode: options.mode,
    generatedAt: new Date().toISOString(),
    machine: {
      cpuModel: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      node: process.versions.node,
      pinning: pinningText,
    },
    method: {
      rounds: options.rounds,
      connections: options.connections,
      warmupSec: options.warmup,
      windowSec: options.window,
      unloadedSec: options.unloaded,
      quietWaitSec: options.quietWait,
      noisyRetries: options.noisyRetries,
      floorServer: options.floorServer,
      queries: options.queries,
    },
    versions: versions(),
    fixtures: {
      responseBytes: {
        a: Buffer.byteLength(JSON.stringify(expected.a)),
        b: Buffer.byteLength(JSON.stringify(expected.b)),
      },
    },
    summary,
    comparison: compare(summary),
    checks: checkTargets(summary, soak),
    raw: state.map(({ target, ...s }) => s),
  };
  const base = join(BENCH, options.out);
  writeFileSync(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
  const markdown = renderMarkdown(results);
  writeFileSync(`${base}.md`, markdown);
  process.stdout.write(markdown);
  log(`wrote ${base}.json and ${base}.md`);
  if (options.out === 'results/latest' && options.mode === 'full') {
    updateReadme(results);
    log('updated the README benchmark section');
  }
}

/** --check: every selected target answers both queries like the oracle (no load). */
async function runCheck({ options, ctx, expected }) {
  let failed = 0;
  for (const t of TARGETS.filter((x) => options.targets.includes(x.id))) {
    const availability = t.available(ctx);
    const queries = t.queries.filter((q) => options.queries.includes(q));
    if (!availability.ok) {
      process.stdout.write(`${t.id}: skipped (${availability.reason})\n`);
      continue;
    }
    let running;
    try {
      running = await startTarget(t, ctx);
      const verify = await verifyTarget(running.url, queries, expected);
      for (const q of queries) {
        if (!verify[q].ok) failed++;
        process.stdout.write(`${t.id} (${q}): ${verify[q].ok ? 'ok' : `WRONG: ${verify[q].reason}`}\n`);
      }
    } catch (error) {
      failed++;
      process.stdout.write(`${t.id}: did not start: ${error.message.split('\n')[0]}\n`);
    } finally {
      if (running) {
        running.rss.stop();
        await running.proc.stop();
      }
    }
  }
  if (failed) process.exitCode = 1;
}

async function runRound(s, round, { options, ctx, expected, fixtures }) {
  log(`round ${round}: ${s.id} starting`);
  let running;
  try {
    running = await startTarget(s.target, ctx);
  } catch (error) {
    log(`round ${round}: ${s.id} did not start: ${error.message.split('\n')[0]}`);
    return { round, error: `did not start: ${error.message.slice(0, 1500)}` };
  }
  const record = { round, startupMs: running.startupMs, verify: {}, queries: {} };
  try {
    const verify = await verifyTarget(running.url, s.queries, expected);
    for (const [q, v] of Object.entries(verify))
      record.verify[q] = { ok: v.ok, reason: v.reason, stable: v.stable, bytes: v.bytes };
    for (const q of s.queries) {
      if (!verify[q].ok) {
        log(`round ${round}: ${s.id} (${q}) WRONG ANSWER, not measured: ${verify[q].reason}`);
        continue;
      }
      const m = await measureQuery({
        url: running.url,
        pid: running.proc.pid,
        queryId: q,
        verifiedBody: verify[q].body,
        options,
        fixturePids: fixtures.pids,
        pinning: ctx.pinning,
      });
      record.queries[q] = m;
      log(
        `round ${round}: ${s.id} (${q}) ${m.loaded.rps.toFixed(0)} req/s, p50 ${m.loaded.latencyMs.p50?.toFixed(2)} ms @${options.connections}, ` +
          `p50 ${m.unloaded.latencyMs.p50?.toFixed(2)} ms @1, CPU ${m.loaded.cpu.targetMsPerRequest?.toFixed(3)} ms/req` +
          `${m.noisy ? ' (noisy machine)' : ''}${m.problems.length ? ` PROBLEMS: ${m.problems.join('; ')}` : ''}`,
      );
    }
  } catch (error) {
    record.error = `measurement failed: ${error?.message ?? error}`;
    log(`round ${round}: ${s.id} ${record.error}`);
  } finally {
    record.peakRssBytes = running.rss.stop().peakBytes;
    await running.proc.stop();
  }
  log(`round ${round}: ${s.id} stopped, peak RSS ${(record.peakRssBytes / 2 ** 20).toFixed(0)} MB`);
  return record;
}

// Children are stopped in main's finally; exit explicitly so no stray timer keeps the harness alive.
main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    process.stderr.write(`[bench] failed: ${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
