import { GraphQLError } from 'graphql';
import { ErrorCode, hubError, isCatalogCode } from '../../core/errors.js';
import type { SubgraphFailure } from '../transport/failures.js';
import type { RawSubgraphError } from '../transport/subgraph-client.js';

/**
 * Request-level codes describe the subgraph request the gateway built, not the client's: if a
 * subgraph says GRAPHQL_VALIDATION_FAILED, the gateway is at fault and the client must not see it.
 */
const NOT_FOR_CLIENTS = new Set<string>([
  ErrorCode.GRAPHQL_PARSE_FAILED,
  ErrorCode.GRAPHQL_VALIDATION_FAILED,
  ErrorCode.BAD_REQUEST,
  ErrorCode.OPERATION_RESOLUTION_FAILURE,
  ErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
  ErrorCode.INTERNAL_SERVER_ERROR,
]);

export type ResponsePath = ReadonlyArray<string | number>;

/**
 * A subgraph's error, relocated to the client's path. Errors with a code from our catalog pass
 * through with their message and extensions (e.g. REGION_SOURCE_UNAVAILABLE with its region) plus
 * the subgraph's name; anything else becomes INTERNAL_SERVER_ERROR, which the server's error
 * formatter masks and logs (core/mask-error.ts) — a subgraph's internals never reach clients.
 */
export function subgraphError(
  raw: RawSubgraphError,
  subgraph: string,
  path: ResponsePath | undefined,
): GraphQLError {
  const message = typeof raw.message === 'string' ? raw.message : 'Subgraph error';
  const extensions = raw.extensions && typeof raw.extensions === 'object' ? raw.extensions : {};
  const code = extensions.code;
  const options = path && path.length > 0 ? { path } : {};
  if (isCatalogCode(code) && !NOT_FOR_CLIENTS.has(code)) {
    return new GraphQLError(message, { ...options, extensions: { ...extensions, subgraph } });
  }
  // The message is only for operators: formatError masks it and logs it.
  return new GraphQLError(`subgraph '${subgraph}' error (${String(code ?? 'no code')}): ${message}`, {
    ...options,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  });
}

/** The client-facing error of a failed subgraph request: stable code and the subgraph's name. */
export function failureError(failure: SubgraphFailure, path: ResponsePath | undefined): GraphQLError {
  const error = hubError(failure.code, failure.publicMessage, { subgraph: failure.subgraph });
  if (!path || path.length === 0) return error;
  return new GraphQLError(error.message, { path, extensions: error.extensions });
}
