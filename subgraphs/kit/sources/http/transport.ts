import type { Dispatcher } from 'undici';
import type { HttpSettings } from '../../../../config/sources.js';
import { badResponse, SourceError, timedOut, unavailable } from '../errors.js';
import type { Limiter } from './limiter.js';
import type { HttpPools } from './pools.js';

export interface JsonResponse {
  readonly status: number;
  /** Parsed body; undefined for 304 and 404. */
  readonly body: unknown;
  readonly etag: string | undefined;
  readonly cacheControl: string | undefined;
}

export interface TransportOptions {
  readonly pools: HttpPools;
  readonly limiter: Limiter;
  readonly settings: HttpSettings;
  /** Resolved request headers (may hold secrets: never logged, never put into errors). */
  readonly headers: Readonly<Record<string, string>>;
  /** Jitter source for retry back-off (not data: Math.random is fine here). */
  readonly random?: () => number;
}

const RETRYABLE_STATUS = new Set([429, 502, 503, 504, 500]);

/**
 * Hämtning — one idempotent GET of a JSON document with the source's limits: concurrency
 * limit, connect/header/body timeouts (set on the pool), a response size limit, and retries with
 * exponential back-off and full jitter for network failures, timeouts and 5xx/429 answers.
 * Errors are SourceErrors with a stable code and a message without secrets.
 */
export async function getJson(
  url: URL,
  options: TransportOptions,
  signal: AbortSignal,
  extraHeaders: Readonly<Record<string, string>> = {},
): Promise<JsonResponse> {
  const { settings } = options;
  const random = options.random ?? Math.random;
  for (let attempt = 0; ; attempt++) {
    try {
      return await options.limiter.run(() => once(url, options, signal, extraHeaders));
    } catch (error) {
      const retryable = (error as { retryable?: boolean }).retryable === true && !signal.aborted;
      if (!retryable || attempt >= settings.retries) throw error;
      const ceiling = Math.min(settings.retryMaxDelayMs, settings.retryBaseDelayMs * 2 ** attempt);
      await sleep(Math.round(ceiling * random()), signal);
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(timedOut('deadline passed while waiting to retry'));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(timedOut('deadline passed while waiting to retry'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function retryable(error: SourceError): SourceError {
  return Object.assign(error, { retryable: true });
}

async function once(
  url: URL,
  options: TransportOptions,
  signal: AbortSignal,
  extraHeaders: Readonly<Record<string, string>>,
): Promise<JsonResponse> {
  const { settings } = options;
  const where = `GET ${url.origin}${url.pathname}`;
  let response: Dispatcher.ResponseData;
  try {
    response = await options.pools.get(url.origin, settings).request({
      method: 'GET',
      path: `${url.pathname}${url.search}`,
      headers: { accept: 'application/json', ...options.headers, ...extraHeaders },
      headersTimeout: settings.headersTimeoutMs,
      bodyTimeout: settings.bodyTimeoutMs,
      signal,
    });
  } catch (error) {
    throw retryable(networkError(where, error, signal));
  }
  const { statusCode, headers } = response;
  if (statusCode === 304 || statusCode === 404) {
    await response.body.dump();
    return { status: statusCode, body: undefined, etag: undefined, cacheControl: undefined };
  }
  if (statusCode !== 200) {
    await response.body.dump().catch(() => undefined);
    const error = unavailable(`${where}: HTTP ${statusCode}`);
    throw RETRYABLE_STATUS.has(statusCode) ? retryable(error) : error;
  }
  const declared = Number(headerOf(headers, 'content-length') ?? Number.NaN);
  if (declared > settings.maxResponseBytes) {
    response.body.destroy();
    throw badResponse(`${where}: body of ${declared} bytes exceeds ${settings.maxResponseBytes}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body) {
      size += (chunk as Buffer).length;
      if (size > settings.maxResponseBytes) {
        response.body.destroy();
        throw badResponse(`${where}: body exceeds ${settings.maxResponseBytes} bytes`);
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw retryable(networkError(where, error, signal));
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw badResponse(`${where}: body is not valid JSON`);
  }
  return {
    status: 200,
    body,
    etag: headerOf(headers, 'etag'),
    cacheControl: headerOf(headers, 'cache-control'),
  };
}

function headerOf(headers: Record<string, string | string[] | undefined>, name: string) {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function networkError(where: string, error: unknown, signal: AbortSignal): SourceError {
  const code = (error as { code?: string } | null)?.code ?? '';
  if (signal.aborted || /TIMEOUT/.test(code) || (error as Error)?.name === 'TimeoutError') {
    return timedOut(`${where}: no answer in time (${code || 'deadline'})`, error);
  }
  return unavailable(`${where}: ${code || (error as Error)?.message || 'network error'}`, error);
}
