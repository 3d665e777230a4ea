// Measuring one query on one running target: warm-up at full load, a measured window at full load
// (with CPU of the target, the fixtures and the load generator from /proc), then a window at one
// connection for unloaded latency.
import { runLoad } from './load.mjs';
import { coreBusy, coreTimes, cpuSeconds } from './proc.mjs';
import { requestBody } from './queries.mjs';

const REQUESTS_PER_SECOND_CAP = 200_000; // count bound of every window (seconds × cap)

function harnessCpuSeconds() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** Sum of CPU seconds of the given pids (processes that are gone count 0). */
function cpuOf(pids) {
  let total = 0;
  for (const pid of pids) {
    try {
      total += cpuSeconds(pid);
    } catch {}
  }
  return total;
}

/**
 * Waits (at most maxMs) until the target is idle: when a window ends, autocannon drops its
 * connections but the target still finishes the requests it had queued; that work must not count
 * in the next window.
 */
export async function settle(pid, maxMs = 15_000) {
  const deadline = Date.now() + maxMs;
  let last = cpuSeconds(pid);
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    const now = cpuSeconds(pid);
    if (now - last < 0.025) return;
    last = now;
  }
}

/**
 * On a shared machine, waits (at most maxSec) until all cores together are under 15% busy for one
 * second, so a window does not start in the middle of someone else's test run. Returns the wait.
 */
export async function waitQuiet(maxSec) {
  const started = Date.now();
  while (Date.now() - started < maxSec * 1000) {
    const before = coreTimes();
    await new Promise((r) => setTimeout(r, 1000));
    const busy = Object.values(coreBusy(before, coreTimes()));
    if (busy.reduce((s, b) => s + b, 0) / Math.max(1, busy.length) < 0.15)
      return { quiet: true, waitedMs: Date.now() - started };
  }
  return { quiet: false, waitedMs: Date.now() - started };
}

/** Another process took more than this share of a core during a loaded window: the window is noisy. */
const NOISY_SHARE = 0.2;

export async function measureQuery({ url, pid, queryId, verifiedBody, options, fixturePids, pinning }) {
  const base = { url, body: requestBody(queryId), expectBody: verifiedBody };
  await settle(pid);
  const quiet = await waitQuiet(options.quietWait);
  if (options.warmup > 0) {
    await runLoad({
      ...base,
      connections: options.connections,
      seconds: options.warmup,
      maxRequests: options.warmup * REQUESTS_PER_SECOND_CAP,
    });
  }
  // A noisy window (other processes busy on our cores) is measured again, at most noisyRetries
  // times; the least noisy attempt is kept and stays flagged if it is still noisy.
  let best = null;
  for (let attempt = 0; attempt <= options.noisyRetries; attempt++) {
    if (attempt > 0) await waitQuiet(options.quietWait);
    const windows = await measureWindows(base, pid, options, fixturePids, pinning);
    if (!best || windows.noise < best.noise) best = { ...windows, attempts: attempt + 1 };
    if (windows.noise <= NOISY_SHARE) break;
  }
  const { loaded, unloaded, noise, attempts } = best;
  return {
    quiet,
    attempts,
    noisy: noise > NOISY_SHARE,
    loaded,
    unloaded,
    problems: problemsOf(loaded, 'loaded').concat(problemsOf(unloaded, 'unloaded')),
  };
}

async function measureWindows(base, pid, options, fixturePids, pinning) {
  await settle(pid);
  const before = {
    target: cpuSeconds(pid),
    fixtures: cpuOf(fixturePids),
    harness: harnessCpuSeconds(),
    cores: coreTimes(),
    at: process.hrtime.bigint(),
  };
  const loaded = await runLoad({
    ...base,
    connections: options.connections,
    seconds: options.window,
    maxRequests: options.window * REQUESTS_PER_SECOND_CAP,
  });
  const wall = Number(process.hrtime.bigint() - before.at) / 1e9;
  const targetCpu = cpuSeconds(pid) - before.target;
  const busy = coreBusy(before.cores, coreTimes());
  loaded.cpu = {
    targetSeconds: targetCpu,
    targetMsPerRequest: loaded.requests > 0 ? (targetCpu * 1000) / loaded.requests : null,
    targetUtilisation: targetCpu / wall,
    fixturesUtilisation: (cpuOf(fixturePids) - before.fixtures) / wall,
    loadGeneratorUtilisation: (harnessCpuSeconds() - before.harness) / wall,
  };
  // Other processes on the machine: what the cores did beyond our processes (noise indicator).
  let noise = 0;
  if (pinning?.enabled) {
    const targetCore = busy[pinning.targetCore] ?? null;
    const loadCore = busy[pinning.loadCore] ?? null;
    const cpu = loaded.cpu;
    cpu.targetCoreBusy = targetCore;
    cpu.foreignOnTargetCore = targetCore === null ? null : Math.max(0, targetCore - cpu.targetUtilisation);
    cpu.loadCoreBusy = loadCore;
    cpu.foreignOnLoadCore =
      loadCore === null
        ? null
        : Math.max(0, loadCore - cpu.fixturesUtilisation - cpu.loadGeneratorUtilisation);
    noise = Math.max(cpu.foreignOnTargetCore ?? 0, cpu.foreignOnLoadCore ?? 0);
  }
  await settle(pid);
  const unloaded = await runLoad({
    ...base,
    connections: 1,
    seconds: options.unloaded,
    maxRequests: options.unloaded * REQUESTS_PER_SECOND_CAP,
  });
  return { loaded, unloaded, noise };
}

/** Reasons a window does not count: wrong bodies, or more than 1% failed requests. */
function problemsOf(window, name) {
  const problems = [];
  if (window.mismatches > 0)
    problems.push(`${name}: ${window.mismatches} answers differ from the verified answer`);
  const failed = window.errors + window.non2xx;
  if (failed > 0.01 * Math.max(1, window.requests + failed)) {
    problems.push(
      `${name}: ${window.errors} errors (${window.timeouts} timeouts), ${window.non2xx} non-2xx of ${window.requests + failed}`,
    );
  }
  if (window.requests === 0) problems.push(`${name}: no successful request`);
  return problems;
}
