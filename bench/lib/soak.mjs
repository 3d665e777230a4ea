// --soak: is RSS flat under sustained load? Each selected gateway serves query (b) at full load for
// --soak-seconds while its VmRSS is sampled every second. Flat: median RSS of the last 10 s at most
// 10% above the median of seconds 10–20 (the first 10 s are warm-up). Writes results/soak-latest.*.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TARGETS } from '../targets/index.mjs';
import { runLoad } from './load.mjs';
import { sampleRss } from './proc.mjs';
import { requestBody } from './queries.mjs';
import { renderSoakMarkdown } from './report.mjs';
import { median, slope } from './stats.mjs';
import { startTarget, verifyTarget } from './target.mjs';

const MB = 2 ** 20;

export async function runSoak({ options, ctx, expected, log, bench }) {
  const out = {
    mode: 'soak',
    generatedAt: new Date().toISOString(),
    seconds: options.soakSeconds,
    connections: options.connections,
    targets: {},
  };
  const targets = TARGETS.filter((t) => options.targets.includes(t.id) && t.queries.includes('b'));
  for (const t of targets) {
    const availability = t.available(ctx);
    if (!availability.ok) {
      log(`soak: ${t.id} skipped (${availability.reason})`);
      continue;
    }
    out.targets[t.id] = { label: t.label, ...(await soakOne(t, { options, ctx, expected, log })) };
  }
  const base = join(bench, options.out);
  writeFileSync(`${base}.json`, `${JSON.stringify(out, null, 2)}\n`);
  const markdown = renderSoakMarkdown(out);
  writeFileSync(`${base}.md`, markdown);
  process.stdout.write(markdown);
  log(`wrote ${base}.json and ${base}.md`);
}

async function soakOne(t, { options, ctx, expected, log }) {
  log(`soak: ${t.id} starting`);
  let running;
  try {
    running = await startTarget(t, ctx);
  } catch (error) {
    return { error: `did not start: ${error.message.split('\n')[0]}` };
  }
  try {
    const verify = await verifyTarget(running.url, ['b'], expected);
    if (!verify.b.ok) return { error: `wrong answer: ${verify.b.reason}` };
    const sampler = sampleRss(running.proc.pid, 1000, true);
    const load = await runLoad({
      url: running.url,
      body: requestBody('b'),
      expectBody: verify.b.body,
      connections: options.connections,
      seconds: options.soakSeconds,
      maxRequests: options.soakSeconds * 200_000,
    });
    const { samples } = sampler.stop();
    const seconds = samples.map(([ms, bytes]) => [ms / 1000, bytes / MB]);
    const early = median(seconds.filter(([s]) => s >= 10 && s < 20).map(([, mb]) => mb));
    const late = median(seconds.filter(([s]) => s >= options.soakSeconds - 10).map(([, mb]) => mb));
    const perSecond = slope(seconds.filter(([s]) => s >= 10));
    const result = {
      rps: load.rps,
      mismatches: load.mismatches,
      errors: load.errors + load.non2xx,
      earlyMb: early,
      lateMb: late,
      slopeMbPerMin: perSecond === null ? null : perSecond * 60,
      flat: early !== null && late !== null ? late <= early * 1.1 && load.mismatches === 0 : null,
      samplesMb: seconds.map(([s, mb]) => [Math.round(s), Math.round(mb * 10) / 10]),
    };
    log(
      `soak: ${t.id} ${result.rps.toFixed(0)} req/s, RSS ${early?.toFixed(0)} → ${late?.toFixed(0)} MB, flat: ${result.flat}`,
    );
    return result;
  } finally {
    running.rss.stop();
    await running.proc.stop();
  }
}
