import { ErrorCode } from '../../core/errors.js';
import type { AccessFacts } from './access-log.js';

/**
 * The access log's refusal reasons for replies no security hook recorded: Apollo Server's own
 * (from the response's error codes) and fastify's (from its small JSON error bodies). The hooks'
 * reasons (`invalid_token`, `rate_limited`, `cors_origin`, `limit:<setting>`,
 * `trusted_document_required`) are set where they refuse (http-hooks.ts, operation-guard.ts).
 */

/** Refusals Apollo Server reported in the body: the deadline at any status, others by their code. */
export function derivedRefusal(status: number, codes: readonly string[]): string | null {
  if (codes.includes(ErrorCode.REQUEST_DEADLINE_EXCEEDED)) return 'request_deadline';
  if (status < 400) return null;
  return codes[0]?.toLowerCase() ?? `http_${status}`;
}

const FASTIFY_REFUSALS: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_body',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_body',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'malformed_body',
};

/** Error code and refusal from a small JSON error body (GraphQL-shaped or fastify's own). */
export function outcomeOfBody(payload: unknown, batched: boolean): Partial<AccessFacts> {
  const text = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString() : '';
  if (text.length === 0 || text.length > 16_384) return {};
  let body: { errors?: Array<{ message?: unknown; extensions?: { code?: unknown } }>; code?: unknown };
  try {
    body = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof body?.code === 'string') {
    return { errorCodes: [body.code], refusal: FASTIFY_REFUSALS[body.code] ?? body.code.toLowerCase() };
  }
  const errors = Array.isArray(body?.errors) ? body.errors : [];
  const codes = [...new Set(errors.map((e) => String(e?.extensions?.code ?? 'UNKNOWN')))];
  const message = String(errors[0]?.message ?? '');
  // Apollo Server refuses these before any plugin runs (so the security plugin never sees them).
  const refusal = batched
    ? 'batching_refused'
    : /Cross-Site Request Forgery/.test(message)
      ? 'csrf'
      : (codes[0]?.toLowerCase() ?? null);
  return { errorCodes: codes, refusal };
}
