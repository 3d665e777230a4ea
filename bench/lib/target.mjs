// One target's lifecycle in one round: start pinned, wait until it answers, check every query's
// answer against the oracle, measure, stop. RSS is sampled for the target's whole life.

import { requestOnce } from './load.mjs';
import { checkAnswer } from './oracle.mjs';
import { freePort, sampleRss, startProcess, waitForGraphql, waitForReadyLine } from './proc.mjs';
import { requestBody } from './queries.mjs';

/** Starts the target; resolves { url, proc, rss } once it answers GraphQL. */
export async function startTarget(target, ctx) {
  const port = await freePort();
  const spec = target.spawn({ ...ctx, port });
  const proc = startProcess(spec.command, spec.args, {
    core: ctx.pinning.enabled ? ctx.pinning.targetCore : undefined,
    cwd: spec.cwd ?? ctx.workDir,
    env: spec.env,
    label: target.id,
  });
  const rss = sampleRss(proc.pid, 250, ctx.keepRssSamples);
  const started = Date.now();
  try {
    const url = spec.readyLine ? (await waitForReadyLine(proc, 60_000)).url : spec.url;
    await waitForGraphql(url, proc, 60_000);
    return { url, proc, rss, startupMs: Date.now() - started };
  } catch (error) {
    rss.stop();
    await proc.stop();
    throw error;
  }
}

/**
 * Asks the target each query twice. Returns { [queryId]: { ok, reason?, body?, stable } }: ok when
 * both answers deep-equal the oracle; body is the verified answer the load windows expect byte for
 * byte (only when the two answers are byte-identical, else load responses are not body-checked).
 */
export async function verifyTarget(url, queryIds, expected) {
  const out = {};
  for (const id of queryIds) {
    try {
      const first = await requestOnce(url, requestBody(id));
      const reason = checkAnswer(first.status, first.text, expected[id]);
      if (reason) {
        out[id] = { ok: false, reason };
        continue;
      }
      const second = await requestOnce(url, requestBody(id));
      const again = checkAnswer(second.status, second.text, expected[id]);
      if (again) {
        out[id] = { ok: false, reason: `second answer: ${again}` };
        continue;
      }
      const stable = first.text === second.text;
      out[id] = {
        ok: true,
        stable,
        body: stable ? first.text : undefined,
        bytes: Buffer.byteLength(first.text),
      };
    } catch (error) {
      out[id] = { ok: false, reason: `request failed: ${error?.message ?? error}` };
    }
  }
  return out;
}
