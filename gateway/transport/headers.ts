import { randomUUID } from 'node:crypto';

/** What a client's request contributes to its subgraph requests. */
export interface OutgoingHeaders {
  readonly headers: Readonly<Record<string, string>>;
  /** Serialisation of `headers` in a fixed order, for deduplication keys. */
  readonly key: string;
  readonly requestId: string;
}

export type HeaderSource = (name: string) => string | null | undefined;

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * Copies the configured client headers (and only those) to subgraph requests. Hop-by-hop and body
 * headers are never propagated (RFC 9110 §7.6.1): undici sets its own.
 */
export function outgoingHeaders(
  propagate: readonly string[],
  read: HeaderSource,
  requestIdHeader: string,
): OutgoingHeaders {
  const headers: Record<string, string> = {};
  let key = '';
  for (const name of propagate) {
    const value = read(name);
    if (value === null || value === undefined) continue;
    headers[name] = value;
    key += `${name}:${value}\n`;
  }
  const offered = read(requestIdHeader);
  const requestId = offered && REQUEST_ID.test(offered) ? offered : randomUUID();
  return { headers, key, requestId };
}

const NEVER = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'proxy-connection',
  'host',
  'content-length',
  'content-type',
  'accept',
  'accept-encoding',
]);

/** Normalises configured header names (lower case) and drops ones that must not be forwarded. */
export function propagatableHeaders(names: readonly string[] = []): string[] {
  return [...new Set(names.map((n) => n.toLowerCase()))].filter((n) => !NEVER.has(n));
}
