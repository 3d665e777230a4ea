// Markdown generated from a run's JSON (results/latest.json → results/latest.md).

const num = (v, d = 0) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(d) : '–');
const ms = (v) => (typeof v === 'number' ? (v < 10 ? v.toFixed(2) : v.toFixed(1)) : '–');
const x = (v) => (typeof v === 'number' ? `${v.toFixed(2)}×` : '–');
const pct = (v) => (typeof v === 'number' ? `${Math.round(v * 100)}%` : '–');
const mark = (pass) => (pass === true ? '✅' : pass === false ? '❌' : '–');

export function renderMarkdown(r) {
  const lines = [];
  const m = r.method;
  lines.push(
    `Gateway benchmark, ${r.mode} run of ${r.generatedAt.slice(0, 16).replace('T', ' ')} UTC on ${r.machine.cpuModel} ` +
      `(${r.machine.cores} cores, Node ${r.machine.node}; ${r.machine.pinning}). ` +
      `${m.rounds} interleaved round(s), medians; ${m.connections} connections: ${m.warmupSec} s warm-up + ${m.windowSec} s window; ` +
      `1 connection: ${m.unloadedSec} s. Floor served by ${m.floorServer === 'apollo' ? '@apollo/server standalone' : 'node:http + graphql-js'}. ` +
      "Every target's answers were checked against the oracle before measuring.",
    '',
    '| target | (a) req/s | (a) p50 / p99 @50 | (a) p50 @1 | (b) req/s | (b) p50 / p99 @50 | (b) p50 @1 | CPU ms/req (a) / (b) | RSS max |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const t of Object.values(r.summary)) {
    if (t.status === 'skipped') {
      lines.push(`| ${t.label} | skipped: ${t.reason} ||||||||`);
      continue;
    }
    const cell = (id, f) => {
      const s = t.queries[id];
      if (!s) return '–';
      if (s.status !== 'measured') return '**failed**';
      return s.noisyRounds > 0 ? `${f(s)} ⚠` : f(s);
    };
    lines.push(
      `| ${t.label} | ${cell('a', (s) => num(s.rps))} | ${cell('a', (s) => `${ms(s.p50Ms)} / ${ms(s.p99Ms)} ms`)} | ` +
        `${cell('a', (s) => `${ms(s.unloadedP50Ms)} ms`)} | ${cell('b', (s) => num(s.rps))} | ` +
        `${cell('b', (s) => `${ms(s.p50Ms)} / ${ms(s.p99Ms)} ms`)} | ${cell('b', (s) => `${ms(s.unloadedP50Ms)} ms`)} | ` +
        `${cell('a', (s) => ms(s.cpuMsPerRequest))} / ${cell('b', (s) => ms(s.cpuMsPerRequest))} | ${num(t.peakRssMb)} MB |`,
    );
  }
  if (r.comparison) {
    lines.push(
      '',
      `Ratios of the Vårdnav gateway against each target (ours ÷ theirs; p50 difference in ms for (a)):`,
      '',
    );
    lines.push(
      '| against | (a) req/s | (a) p50 @1 diff | (b) req/s | (b) p50 @1 | (b) CPU/req | RSS max |',
      '|---|---:|---:|---:|---:|---:|---:|',
    );
    for (const [id, c] of Object.entries(r.comparison)) {
      const diff =
        typeof c.aUnloadedP50DiffMs === 'number'
          ? `${c.aUnloadedP50DiffMs >= 0 ? '+' : ''}${c.aUnloadedP50DiffMs.toFixed(2)} ms`
          : '–';
      lines.push(
        `| ${r.summary[id].label} | ${x(c.aRps)} | ${diff} | ${x(c.bRps)} | ${x(c.bUnloadedP50)} | ${x(c.bCpuPerRequest)} | ${x(c.peakRss)} |`,
      );
    }
  }
  lines.push('', 'Targets of issue 3:', '', '| target | result | measured |', '|---|:---:|---|');
  for (const c of r.checks) lines.push(`| ${c.name} | ${mark(c.pass)} | ${c.value} |`);
  lines.push(
    '',
    'Saturation: median share of a core during the loaded windows — target process / other processes on the target core; ' +
      'fixtures + load generator / other processes on the load core. A saturated target is near 100%; ' +
      'other processes above a few % mean a noisy machine and numbers to repeat.',
    '',
  );
  lines.push(
    '| target | (a) target · other | (a) load side · other | (b) target · other | (b) load side · other |',
    '|---|---:|---:|---:|---:|',
  );
  for (const t of Object.values(r.summary)) {
    if (!t.queries) continue;
    const u = (id) => {
      const s = t.queries[id];
      if (s?.status !== 'measured') return '– | –';
      const load = s.fixturesUtilisation + s.loadGeneratorUtilisation;
      return `${pct(s.targetUtilisation)} · ${pct(s.foreignOnTargetCore)} | ${pct(load)} · ${pct(s.foreignOnLoadCore)}`;
    };
    lines.push(`| ${t.label} | ${u('a')} | ${u('b')} |`);
  }
  if (Object.values(r.summary).some((t) => Object.values(t.queries ?? {}).some((s) => s.noisyRounds > 0))) {
    lines.push(
      '',
      '⚠ at least one round of this figure stayed noisy (other processes used > 20% of a core) after the retries.',
    );
  }
  const notes = Object.values(r.summary).flatMap((t) =>
    (t.reasons ?? []).map((reason) => `- ${t.label}: ${reason}`),
  );
  if (notes.length)
    lines.push('', 'Failures (a target with a wrong answer is marked failed, not measured):', '', ...notes);
  lines.push(
    '',
    `Response sizes: (a) ${r.fixtures.responseBytes.a} B, (b) ${r.fixtures.responseBytes.b} B. Versions: ${Object.entries(
      r.versions,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
  );
  return `${lines.join('\n')}\n`;
}

export function renderSoakMarkdown(s) {
  const lines = [
    `RSS over a ${s.seconds} s run of query (b) at ${s.connections} connections (${s.generatedAt.slice(0, 16).replace('T', ' ')} UTC). ` +
      'Flat: the median RSS of the last 10 s is at most 10% above that of seconds 10–20.',
    '',
    '| target | req/s | RSS at 10–20 s | RSS last 10 s | slope | flat |',
    '|---|---:|---:|---:|---:|:---:|',
  ];
  for (const t of Object.values(s.targets)) {
    if (t.error) lines.push(`| ${t.label} | failed: ${t.error} |||||`);
    else
      lines.push(
        `| ${t.label} | ${num(t.rps)} | ${num(t.earlyMb)} MB | ${num(t.lateMb)} MB | ${num(t.slopeMbPerMin, 2)} MB/min | ${mark(t.flat)} |`,
      );
  }
  return `${lines.join('\n')}\n`;
}
