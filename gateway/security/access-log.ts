import type { FastifyInstance, FastifyRequest } from 'fastify';
import { describeError } from '../../core/log.js';
import { derivedRefusal, outcomeOfBody } from './access-refusals.js';
import { ANONYMOUS, type Identity } from './identity.js';
import type { GatewaySecurity, RequestSecurity } from './security.js';

/**
 * Åtkomstlogg — exactly one structured line per request on the GraphQL route, whether Apollo
 * Server ran it or a security hook refused it first: who (subject, region; null for a refused
 * token, whose claims are never trusted or logged), when, which operation (name and hash, when
 * known), which sensitive fields it touched or was denied, the status and — for refusals — a
 * stable reason. Never variable values, never the token.
 */
export interface AccessLogEntry {
  readonly time: string;
  readonly subject: string | null;
  readonly region: string | null;
  readonly authenticated: boolean;
  readonly client: string | null;
  readonly requestId: string | null;
  readonly method: string;
  readonly operationName: string | null;
  readonly operationHash: string | null;
  readonly operationType: string | null;
  /** Marked coordinates (`Type.field`) the operation selected and was allowed to run. */
  readonly sensitiveFields: readonly string[];
  /** Coordinates removed before planning (UNAUTHORIZED/FORBIDDEN). */
  readonly deniedFields: readonly string[];
  /** Region-scoped values withheld from this caller. */
  readonly regionWithheld: number;
  /** Error codes of the response (deduplicated). */
  readonly errorCodes: readonly string[];
  /** Why the request was refused (`invalid_token`, `rate_limited`, `limit:maxDepth`, …); null when it ran. */
  readonly refusal: string | null;
  readonly status: number;
  readonly durationMs: number;
}

export type AccessLogWriter = (entry: AccessLogEntry) => void;

/** What the access line says about the operation and its outcome, filled in as the request goes. */
export interface AccessFacts {
  refusal: string | null;
  operationName: string | null;
  operationHash: string | null;
  operationType: string | null;
  errorCodes: string[];
  /** Set when the line is written: a request never gets two. */
  written: boolean;
}

const requests = new WeakMap<FastifyRequest, RequestSecurity>();

export function newRequestSecurity(identity: Identity = ANONYMOUS, startedMs = Date.now()): RequestSecurity {
  return {
    identity,
    secured: null,
    regionWithheld: 0,
    started: startedMs,
    access: {
      refusal: null,
      operationName: null,
      operationHash: null,
      operationType: null,
      errorCodes: [],
      written: false,
    },
  };
}

/** Starts tracking a request on the GraphQL route: from here on it gets exactly one access line. */
export function trackRequest(request: FastifyRequest): RequestSecurity {
  const state = newRequestSecurity();
  requests.set(request, state);
  return state;
}

/** What security knows about a request (the same object Apollo's context carries). */
export function requestSecurityOf(request: FastifyRequest): RequestSecurity {
  return requests.get(request) ?? trackRequest(request);
}

/** Records why a request is refused before Apollo Server runs; the line is written when the reply is sent. */
export function noteRefusal(
  request: FastifyRequest,
  refusal: string,
  code: string,
  operation: { name?: string | null | undefined; hash?: string | null | undefined } = {},
): void {
  const access = requestSecurityOf(request).access;
  access.refusal = refusal;
  access.errorCodes = [code];
  access.operationName = operation.name ? operation.name.slice(0, MAX_TEXT) : null;
  access.operationHash = operation.hash ?? null;
}

/**
 * The single point that writes the line: fastify's onSend, which every reply on the route passes
 * through whoever produced it (our hooks, Apollo Server, fastify's own errors such as a body too
 * large), just before its bytes go out — so the line exists before the client can read the answer.
 * A request whose client went away before any reply gets its line from onRequestAbort (status
 * 499, as nginx logs it). Small error bodies nobody recorded (Apollo Server's HTTP-level refusals
 * such as batching or CSRF, and fastify's: body too large, bad JSON) give their code here.
 */
export function registerAccessLog(app: FastifyInstance, security: GatewaySecurity): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const state = requests.get(request);
    if (state && !state.access.written) {
      if (reply.statusCode >= 400 && !state.access.refusal && state.access.errorCodes.length === 0)
        Object.assign(state.access, outcomeOfBody(payload, Array.isArray(request.body)));
      // The client left while the answer was computed: nobody reads it (same as onRequestAbort).
      if (request.raw.socket?.destroyed) write(security, request, 499, 'client_closed');
      else write(security, request, reply.statusCode);
    }
    return payload;
  });
  app.addHook('onRequestAbort', async (request) => write(security, request, 499, 'client_closed'));
}

const MAX_TEXT = 256;

function write(security: GatewaySecurity, request: FastifyRequest, status: number, refusal?: string) {
  const state = requests.get(request);
  if (!state || state.access.written) return;
  state.access.written = true;
  const { access, identity, secured } = state;
  try {
    security.accessLog({
      time: new Date().toISOString(),
      subject: identity.subject,
      region: identity.region,
      authenticated: identity.authenticated,
      client: header(request, 'apollographql-client-name'),
      requestId: header(request, 'x-request-id'),
      method: request.method,
      operationName: access.operationName,
      operationHash: access.operationHash,
      operationType: access.operationType,
      sensitiveFields: secured?.sensitive ?? [],
      deniedFields: [...new Set(secured?.removed.map((r) => r.coordinate) ?? [])],
      regionWithheld: state.regionWithheld,
      errorCodes: access.errorCodes,
      refusal: refusal ?? access.refusal ?? derivedRefusal(status, access.errorCodes),
      status,
      durationMs: Date.now() - state.started,
    });
  } catch (error) {
    // A failing writer (a library user's) must not turn a sent reply into a crash.
    security.logger.error('access log writer failed', describeError(error));
  }
}

function header(request: FastifyRequest, name: string): string | null {
  const value = request.headers[name];
  return typeof value === 'string' ? value.slice(0, MAX_TEXT) : null;
}
