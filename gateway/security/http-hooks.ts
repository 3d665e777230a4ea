import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode } from '../../core/errors.js';
import { describeError } from '../../core/log.js';
import { noteRefusal, registerAccessLog, requestSecurityOf, trackRequest } from './access-log.js';
import type { Identity } from './identity.js';
import { InvalidToken } from './jwt.js';
import type { GatewaySecurity } from './security.js';

/** The identity the hooks established for a request (anonymous when none). */
export function identityOf(request: FastifyRequest): Identity {
  return requestSecurityOf(request).identity;
}

const ALLOWED_REQUEST_HEADERS = new Set([
  'content-type',
  'authorization',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'apollographql-client-name',
  'apollographql-client-version',
  'x-request-id',
]);

/**
 * HTTP-level protection on the GraphQL route, in order: CORS (configured origins only), bearer
 * authentication (an invalid token is refused with 401; no token means anonymous), rate limiting
 * (429 with Retry-After). Error bodies are GraphQL-shaped with a stable code. Every request on
 * the route gets one access log line (access-log.ts), refused here or not.
 */
export function registerSecurityHooks(
  app: FastifyInstance,
  security: GatewaySecurity,
  path = '/graphql',
): void {
  const origins = new Set(security.options.corsOrigins);
  // Header limits: total size is fastify's maxHeaderSize (431); beyond 100 headers Node drops the rest.
  app.server.maxHeadersCount = 100;
  registerAccessLog(app, security);
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.split('?')[0] !== path) return;
    const state = trackRequest(request);
    const origin = request.headers.origin;
    const allowed = typeof origin === 'string' && origins.has(origin);
    if (allowed) {
      reply.header('access-control-allow-origin', origin);
      reply.header('vary', 'Origin');
    }
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
      if (!allowed)
        return refuse(
          request,
          reply,
          'cors_origin',
          403,
          ErrorCode.FORBIDDEN,
          'This origin is not allowed (CORS).',
        );
      const asked = String(request.headers['access-control-request-headers'] ?? '')
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter((h) => ALLOWED_REQUEST_HEADERS.has(h));
      reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
      if (asked.length > 0) reply.header('access-control-allow-headers', asked.join(', '));
      reply.header('access-control-max-age', '600');
      return reply.code(204).send();
    }

    const header = request.headers.authorization;
    let identity: Identity = state.identity;
    if (header !== undefined) {
      const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
      if (!match) return unauthorized(request, reply, 'The Authorization header must be "Bearer <token>".');
      if (!security.authenticator)
        return unauthorized(
          request,
          reply,
          'Bearer tokens are not accepted: authentication is not configured.',
        );
      try {
        identity = await security.authenticator.verify(match[1]!);
      } catch (error) {
        if (error instanceof InvalidToken)
          return unauthorized(request, reply, `Invalid bearer token: ${error.message}.`);
        throw error;
      }
    }
    state.identity = identity;

    if (security.rateLimiter) {
      let check: { retryAfterMs: number; limit: string | null } = { retryAfterMs: 0, limit: null };
      try {
        check = await security.rateLimiter.check(identity, request.ip);
      } catch (error) {
        // A shared store that fails (network, Redis down) must not take the hub down: allow, loudly.
        security.logger.warn('rate-limit store failed; request allowed', describeError(error));
      }
      const { retryAfterMs, limit } = check;
      if (retryAfterMs > 0) {
        const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
        reply.header('retry-after', String(seconds));
        return refuse(
          request,
          reply,
          'rate_limited',
          429,
          ErrorCode.RATE_LIMITED,
          `Too many requests (per ${limit}); retry in ${seconds} s.`,
          {
            limit,
            retryAfterSeconds: seconds,
          },
        );
      }
    }
  });
}

// The log records the reason only: never the token, nor its claims (they were not verified).
function unauthorized(request: FastifyRequest, reply: FastifyReply, message: string) {
  reply.header('www-authenticate', 'Bearer error="invalid_token"');
  return refuse(request, reply, 'invalid_token', 401, ErrorCode.UNAUTHORIZED, message);
}

function refuse(
  request: FastifyRequest,
  reply: FastifyReply,
  refusal: string,
  status: number,
  code: string,
  message: string,
  extensions: Record<string, unknown> = {},
) {
  noteRefusal(request, refusal, code);
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send(JSON.stringify({ errors: [{ message, extensions: { ...extensions, code } }] }));
}
