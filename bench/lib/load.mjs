// One load window with autocannon: fixed connections for a fixed time, bounded in time AND count.
// Latencies are recorded per response (float ms from autocannon's hrtime), 2xx only; every response
// body is compared with the target's verified answer (expectBody) and counted as mismatch if not equal.
import autocannon from 'autocannon';
import { percentile } from './stats.mjs';

/**
 * @param {{ url: string, body: string, connections: number, seconds: number, maxRequests: number,
 *           expectBody?: string, timeoutSec?: number }} o
 */
export function runLoad(o) {
  const latencies = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: o.url,
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: o.body,
        connections: o.connections,
        duration: o.seconds,
        maxOverallRequests: o.maxRequests,
        timeout: o.timeoutSec ?? 30,
        expectBody: o.expectBody,
        excludeErrorStats: true,
      },
      (error, result) => {
        clearTimeout(hardStop);
        if (error) return reject(error);
        const ok = latencies.length;
        resolve({
          connections: o.connections,
          seconds: result.duration,
          requests: ok,
          rps: ok / result.duration,
          latencyMs: {
            p50: percentile(latencies, 50),
            p90: percentile(latencies, 90),
            p99: percentile(latencies, 99),
            max: percentile(latencies, 100),
          },
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          mismatches: result.mismatches,
          bytes: result.throughput.total,
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, ms) => {
      if (statusCode >= 200 && statusCode < 300 && latencies.length < o.maxRequests) latencies.push(ms);
    });
    // autocannon stops itself after `seconds`; this is the backstop if a target hangs.
    const hardStop = setTimeout(() => instance.stop(), (o.seconds + (o.timeoutSec ?? 30) + 5) * 1000);
  });
}

/** Sends the body once and returns { status, text, ms } (bounded by timeoutMs). */
export async function requestOnce(url, body, timeoutMs = 30_000) {
  const started = process.hrtime.bigint();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  return { status: res.status, text, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}
