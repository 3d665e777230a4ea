import { ErrorCode } from '../../core/errors.js';
import type { AccessFacts } from './access-log.js';

/**
 * The access log's refusal reasons for replies no security hook recorded: Apollo Server's own
 * (from the response's error codes) and fastify's body refusals (respond/http-errors.ts, which
 * name their reason). The hooks'
 * reasons (`invalid_token`, `rate_limited`, `cors_origin`, `limit:<setting>`,
 * `trusted_document_required`) are set where they refuse (http-hooks.ts, operation-guard.ts).
 */

/** Refusals Apollo Server reported in the body: the deadline at any status, others by their code. */
export function derivedRefusal(status: number, codes: readonly string[]): string | null {
  if (codes.includes(ErrorCode.REQUEST_DEADLINE_EXCEEDED)) return 'request_deadline';
  if (status < 400) return null;
  return codes[0]?.toLowerCase() ?? `http_${status}`;
}

/** Error code and refusal from a small GraphQL-shaped JSON error body. */
export function outcomeOfBody(payload: unknown, batched: boolean): Partial<AccessFacts> {
  const text = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString() : '';
  if (text.length === 0 || text.length > 16_384) return {};
  let body: { errors?: Array<{ message?: unknown; extensions?: { code?: unknown } }> };
  try {
    body = JSON.parse(text);
  } catch {
    return {};
  }
  const errors = Array.isArray(body?.errors) ? body.errors : [];
  const codes = [...new Set(errors.map((e) => String(e?.extensions?.code ?? 'UNKNOWN')))];
  // Body refusals answered by gateway/respond/http-errors.ts name their reason.
  const reason = (errors[0]?.extensions as { reason?: unknown } | undefined)?.reason;
  if (typeof reason === 'string') return { errorCodes: codes, refusal: reason };
  const message = String(errors[0]?.message ?? '');
  // Apollo Server refuses these before any plugin runs (so the security plugin never sees them).
  const refusal = batched
    ? 'batching_refused'
    : /Cross-Site Request Forgery/.test(message)
      ? 'csrf'
      : (codes[0]?.toLowerCase() ?? null);
  return { errorCodes: codes, refusal };
}
