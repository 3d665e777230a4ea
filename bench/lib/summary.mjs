// From raw rounds to medians per target and query, ratios of our gateway against each other
// target, and the issue's targets checked one by one.
import { max, median, ratio } from './stats.mjs';

export function summariseTarget(t) {
  if (t.status === 'skipped') return { status: 'skipped', reason: t.reason };
  const queries = {};
  const reasons = [];
  for (const q of t.queries) {
    const failures = [];
    for (const r of t.rounds) {
      if (r.error) failures.push(`round ${r.round}: ${r.error}`);
      else if (!r.verify?.[q]?.ok)
        failures.push(`round ${r.round}: wrong answer: ${r.verify?.[q]?.reason ?? 'not checked'}`);
      else if (r.queries?.[q]?.problems?.length)
        failures.push(`round ${r.round}: ${r.queries[q].problems.join('; ')}`);
    }
    const measured = t.rounds.filter((r) => r.queries?.[q]);
    if (failures.length || measured.length === 0) {
      queries[q] = { status: 'failed', reasons: failures.length ? failures : ['not measured'] };
      reasons.push(...failures.map((f) => `(${q}) ${f}`));
      continue;
    }
    const pick = (f) => median(measured.map((r) => f(r.queries[q])));
    queries[q] = {
      status: 'measured',
      rounds: measured.length,
      rps: pick((m) => m.loaded.rps),
      p50Ms: pick((m) => m.loaded.latencyMs.p50),
      p99Ms: pick((m) => m.loaded.latencyMs.p99),
      unloadedP50Ms: pick((m) => m.unloaded.latencyMs.p50),
      unloadedP99Ms: pick((m) => m.unloaded.latencyMs.p99),
      cpuMsPerRequest: pick((m) => m.loaded.cpu.targetMsPerRequest),
      targetUtilisation: pick((m) => m.loaded.cpu.targetUtilisation),
      fixturesUtilisation: pick((m) => m.loaded.cpu.fixturesUtilisation),
      loadGeneratorUtilisation: pick((m) => m.loaded.cpu.loadGeneratorUtilisation),
      foreignOnTargetCore: pick((m) => m.loaded.cpu.foreignOnTargetCore),
      foreignOnLoadCore: pick((m) => m.loaded.cpu.foreignOnLoadCore),
      noisyRounds: measured.filter((r) => r.queries[q].noisy).length,
      bodyChecked: measured.every((r) => r.verify[q].stable),
    };
  }
  const peakRssBytes = max(t.rounds.map((r) => r.peakRssBytes));
  const anyMeasured = Object.values(queries).some((s) => s.status === 'measured');
  return {
    status: reasons.length === 0 && anyMeasured ? 'measured' : anyMeasured ? 'partly failed' : 'failed',
    reasons,
    queries,
    peakRssMb: peakRssBytes === null ? null : peakRssBytes / 2 ** 20,
    startupMs: median(t.rounds.map((r) => r.startupMs)),
  };
}

const q = (s, id) => (s?.queries?.[id]?.status === 'measured' ? s.queries[id] : null);

/** Ratios of `ours` against every other measured target. */
export function compare(summaries, oursId = 'vardnav') {
  const ours = summaries[oursId];
  if (!ours || ours.status === 'skipped' || ours.status === 'failed') return null;
  const out = {};
  for (const [id, s] of Object.entries(summaries)) {
    if (id === oursId || s.status === 'skipped' || s.status === 'failed') continue;
    out[id] = {
      aRps: ratio(q(ours, 'a')?.rps, q(s, 'a')?.rps),
      aUnloadedP50DiffMs:
        q(ours, 'a') && q(s, 'a') ? q(ours, 'a').unloadedP50Ms - q(s, 'a').unloadedP50Ms : null,
      bRps: ratio(q(ours, 'b')?.rps, q(s, 'b')?.rps),
      bUnloadedP50: ratio(q(ours, 'b')?.unloadedP50Ms, q(s, 'b')?.unloadedP50Ms),
      bCpuPerRequest: ratio(q(ours, 'b')?.cpuMsPerRequest, q(s, 'b')?.cpuMsPerRequest),
      peakRss: ratio(ours.peakRssMb, s.peakRssMb),
    };
  }
  return out;
}

/** The issue's targets; pass is null when a side was not measured. */
export function checkTargets(summaries, soak, oursId = 'vardnav') {
  const ours = summaries[oursId];
  const floor = summaries.floor;
  const peers = Object.entries(summaries).filter(([, s]) => s.kind === 'peer' && q(s, 'b'));
  const best = peers.sort(([, x], [, y]) => q(y, 'b').rps - q(x, 'b').rps)[0];
  const fmt = (v, d = 1) => (typeof v === 'number' ? v.toFixed(d) : 'n/a');
  const check = (name, pass, value) => ({ name, pass: pass ?? null, value });
  const oa = q(ours, 'a');
  const fa = q(floor, 'a');
  const ob = q(ours, 'b');
  const bb = best ? q(best[1], 'b') : null;
  const apollo = summaries['apollo-gateway'];
  const soakOurs = soak?.targets?.[oursId];
  return [
    check(
      '(a) req/s ≥ 90% of the directly called subgraph',
      oa && fa ? oa.rps >= 0.9 * fa.rps : null,
      `${fmt(oa?.rps, 0)} vs ${fmt(fa?.rps, 0)} (${fmt(ratio(oa?.rps, fa?.rps) * 100, 0)}%)`,
    ),
    check(
      '(a) unloaded p50 within 1 ms of the directly called subgraph',
      oa && fa ? oa.unloadedP50Ms <= fa.unloadedP50Ms + 1 : null,
      `${fmt(oa?.unloadedP50Ms, 2)} ms vs ${fmt(fa?.unloadedP50Ms, 2)} ms`,
    ),
    check(
      `(b) req/s ≥ 1.5× the best peer${best ? ` (${best[0]})` : ''}`,
      ob && bb ? ob.rps >= 1.5 * bb.rps : null,
      `${fmt(ob?.rps, 0)} vs ${fmt(bb?.rps, 0)} (${fmt(ratio(ob?.rps, bb?.rps), 2)}×)`,
    ),
    check(
      "(b) unloaded p50 ≤ half the best peer's",
      ob && bb ? ob.unloadedP50Ms <= 0.5 * bb.unloadedP50Ms : null,
      `${fmt(ob?.unloadedP50Ms, 2)} ms vs ${fmt(bb?.unloadedP50Ms, 2)} ms`,
    ),
    check(
      "peak RSS ≤ @apollo/gateway's",
      ours?.peakRssMb && apollo?.peakRssMb ? ours.peakRssMb <= apollo.peakRssMb : null,
      `${fmt(ours?.peakRssMb, 0)} MB vs ${fmt(apollo?.peakRssMb, 0)} MB`,
    ),
    check(
      `RSS flat over a ${soak?.seconds ?? 60} s run (--soak)`,
      soakOurs ? soakOurs.flat : null,
      soakOurs
        ? `${fmt(soakOurs.earlyMb, 0)} → ${fmt(soakOurs.lateMb, 0)} MB (${fmt(soakOurs.slopeMbPerMin, 2)} MB/min; soak of ${soak.generatedAt.slice(0, 16).replace('T', ' ')} UTC)`
        : 'no soak result',
    ),
  ];
}
