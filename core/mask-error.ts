import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode, isCatalogCode } from './errors.js';

/**
 * Security boundary: only errors whose code is in our catalog reach clients as they are.
 * Anything else (a bug, a library's internal message, a stack) is replaced by a generic
 * INTERNAL_SERVER_ERROR; the original is handed to `log` for operators.
 */
export function maskFormattedError(
  formatted: GraphQLFormattedError,
  original: unknown,
  log?: (error: unknown) => void,
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (isCatalogCode(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    // Strip stack traces Apollo adds in development; keep our own extensions.
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  log?.(original);
  return {
    message: 'Internal server error',
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
