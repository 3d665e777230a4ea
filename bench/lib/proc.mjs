// Child processes for targets and fixtures: CPU pinning (taskset), readiness, /proc sampling, stop.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism } from 'node:os';

const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** Pinning plan: the target on core 0, everything else (harness, fixtures, load) on core 1. */
export function pinningPlan() {
  const hasTaskset = spawnSync('taskset', ['--version'], { encoding: 'utf8' }).status === 0;
  const cores = availableParallelism();
  return { enabled: hasTaskset && cores >= 2, cores, targetCore: 0, loadCore: 1 };
}

/** Moves every thread of this process (and so its future children) to the load core. */
export function pinSelf(plan) {
  if (!plan.enabled) return false;
  return spawnSync('taskset', ['-a', '-cp', String(plan.loadCore), String(process.pid)]).status === 0;
}

/** A free TCP port on 127.0.0.1 (bind to 0, read, close). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const live = new Set();

/** Stops every child this harness started that is still running (for signal handlers). */
export function stopAllProcesses() {
  return Promise.all([...live].map((p) => p.stop(1000)));
}

/**
 * Spawns `command args` (pinned to `core` when given). Output is kept in a bounded tail for
 * error messages. Returns { pid, child, output(), exited, stop() }.
 */
export function startProcess(command, args, { core, cwd, env, label }) {
  const [cmd, argv] =
    core === undefined ? [command, args] : ['taskset', ['-c', String(core), command, ...args]];
  const child = spawn(cmd, argv, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (chunk) => {
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let gone = false;
  exited.then(() => {
    gone = true;
    live.delete(handle);
  });
  const handle = {
    label,
    pid: child.pid,
    child,
    exited,
    isRunning: () => !gone,
    output: () => tail,
    async stop(graceMs = 3000) {
      if (gone) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
  live.add(handle);
  return handle;
}

/** Resolves with the first stdout line that parses as JSON with ready: true (bounded by timeoutMs). */
export function waitForReadyLine(proc, timeoutMs = 30_000) {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => fail(`not ready after ${timeoutMs} ms`), timeoutMs);
    const onData = (chunk) => {
      buffer += chunk.toString('utf8');
      for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
        const line = buffer.slice(0, i).trim();
        buffer = buffer.slice(i + 1);
        if (!line.startsWith('{')) continue;
        try {
          const message = JSON.parse(line);
          if (message.ready) {
            cleanup();
            return resolve(message);
          }
        } catch {}
      }
    };
    const onExit = () => fail('exited before it was ready');
    function cleanup() {
      clearTimeout(timer);
      proc.child.stdout.off('data', onData);
      proc.child.off('exit', onExit);
    }
    function fail(reason) {
      cleanup();
      reject(new Error(`${proc.label}: ${reason}\n${proc.output()}`));
    }
    proc.child.stdout.on('data', onData);
    proc.child.once('exit', onExit);
  });
}

/** Polls a GraphQL URL with `{ __typename }` until it answers 200 (bounded by timeoutMs). */
export async function waitForGraphql(url, proc, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc && !proc.isRunning()) throw new Error(`${proc.label}: exited during start-up\n${proc.output()}`);
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
        signal: AbortSignal.timeout(2000),
      });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${proc?.label ?? url}: no answer within ${timeoutMs} ms\n${proc?.output() ?? ''}`);
}

/** CPU seconds (user + system) the process has used so far, from /proc/<pid>/stat. */
export function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which is in parentheses and may contain spaces).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK; // utime, stime (fields 14, 15)
}

/** Busy and total jiffies per core from /proc/stat: { [core]: { busy, total } }. */
export function coreTimes() {
  const out = {};
  for (const line of readFileSync('/proc/stat', 'utf8').split('\n')) {
    const m = /^cpu(\d+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const [user, nice, system, idle, iowait, irq, softirq, steal] = m[2].split(' ').map(Number);
    const busy = user + nice + system + irq + softirq + steal;
    out[m[1]] = { busy, total: busy + idle + iowait };
  }
  return out;
}

/** Share (0–1) of each core that was busy between two coreTimes() readings. */
export function coreBusy(before, after) {
  const out = {};
  for (const [core, a] of Object.entries(after)) {
    const b = before[core];
    if (b && a.total > b.total) out[core] = (a.busy - b.busy) / (a.total - b.total);
  }
  return out;
}

/** The pid and its descendants (from /proc/<pid>/task/<tid>/children). */
function processTree(pid) {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    let tasks = [];
    try {
      tasks = readdirSync(`/proc/${out[i]}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      try {
        const children = readFileSync(`/proc/${out[i]}/task/${tid}/children`, 'utf8').trim();
        if (children) out.push(...children.split(/\s+/).map(Number));
      } catch {}
    }
  }
  return out;
}

/**
 * { rssBytes, hwmBytes } of the process and its descendants (null when the process is gone). A
 * target's helper processes count (e.g. our gateway's query-planner process): rssBytes is the
 * tree's current resident memory; hwmBytes is the root's own peak (VmHWM, which catches peaks
 * between samples) plus its descendants' current RSS — not their peaks, whose moments need not
 * coincide with the root's (a planner process peaks while loading the supergraph, at start-up).
 */
export function memory(pid) {
  let rssBytes = 0;
  let hwmBytes = 0;
  let found = false;
  for (const member of processTree(pid)) {
    try {
      const status = readFileSync(`/proc/${member}/status`, 'utf8');
      const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
      rssBytes += kb('VmRSS');
      hwmBytes += member === pid ? kb('VmHWM') : kb('VmRSS');
      found = true;
    } catch {}
  }
  return found ? { rssBytes, hwmBytes } : null;
}

/** Samples VmRSS every intervalMs; stop() returns { peakBytes, samples: [[ms, bytes]…] }. */
export function sampleRss(pid, intervalMs = 250, keepSamples = false) {
  const start = Date.now();
  const samples = [];
  let peak = 0;
  const tick = () => {
    const m = memory(pid);
    if (!m) return;
    peak = Math.max(peak, m.rssBytes, m.hwmBytes);
    if (keepSamples) samples.push([Date.now() - start, m.rssBytes]);
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  return {
    stop() {
      tick();
      clearInterval(timer);
      return { peakBytes: peak, samples };
    },
  };
}
