import type { FastifyError, FastifyInstance } from 'fastify';
import { ErrorCode } from '../../core/errors.js';
import { describeError, type Logger } from '../../core/log.js';

/** Fastify's refusals of a request body, as catalog codes and the access log's refusal reasons. */
const BODY_REFUSALS: Record<string, { code: ErrorCode; reason: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: ErrorCode.PAYLOAD_TOO_LARGE,
    reason: 'body_too_large',
    message: 'The request body is larger than the gateway accepts.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: ErrorCode.BAD_REQUEST,
    reason: 'unsupported_media_type',
    message: 'Unsupported Content-Type: send application/json.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: ErrorCode.BAD_REQUEST,
    reason: 'malformed_body',
    message: 'The request body is not valid JSON.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: ErrorCode.BAD_REQUEST,
    reason: 'malformed_body',
    message: 'The request body is empty.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: ErrorCode.BAD_REQUEST,
    reason: 'malformed_body',
    message: 'The request body does not match its Content-Length.',
  },
};

/**
 * Errors fastify raises before Apollo Server sees the request (body limit, content type, bad
 * JSON) answered in the GraphQL response shape with a catalog code and a short reason, like every
 * other refusal on /graphql; anything else is masked as INTERNAL_SERVER_ERROR and logged.
 */
export function registerHttpErrors(app: FastifyInstance, logger: Logger): void {
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const known = error.code ? BODY_REFUSALS[error.code] : undefined;
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (!known && status === 500) logger.error('unexpected HTTP error', describeError(error));
    const extensions = known
      ? { code: known.code, reason: known.reason }
      : { code: status === 500 ? ErrorCode.INTERNAL_SERVER_ERROR : ErrorCode.BAD_REQUEST };
    const message = known?.message ?? (status === 500 ? 'Internal server error.' : 'Bad request.');
    return reply
      .code(known ? (error.statusCode ?? 400) : status)
      .type('application/json; charset=utf-8')
      .send({ errors: [{ message, extensions }] });
  });
}
