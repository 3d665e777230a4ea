import { GraphQLError } from 'graphql';

/**
 * Felkatalog — the one catalog of stable `extensions.code` values the hub emits.
 * Clients may rely on these codes; messages may change.
 */
export const ErrorCode = {
  /** Bad arguments or variables (named in the message). */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** A region's data source failed; `extensions.region` names the region (länskod). */
  REGION_SOURCE_UNAVAILABLE: 'REGION_SOURCE_UNAVAILABLE',
  /** A region's data source answered with data of the wrong shape. */
  REGION_SOURCE_BAD_RESPONSE: 'REGION_SOURCE_BAD_RESPONSE',
  /** A region's data source did not answer in time. */
  REGION_SOURCE_TIMEOUT: 'REGION_SOURCE_TIMEOUT',
  /** A subgraph could not be reached (gateway). `extensions.subgraph` names it. */
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  /** A subgraph did not answer in time (gateway). */
  SUBGRAPH_TIMEOUT: 'SUBGRAPH_TIMEOUT',
  /** A subgraph answered with something that is not a GraphQL response (gateway). */
  SUBGRAPH_BAD_RESPONSE: 'SUBGRAPH_BAD_RESPONSE',
  /** The operation uses a feature the gateway does not execute yet (e.g. @defer). */
  OPERATION_NOT_SUPPORTED: 'OPERATION_NOT_SUPPORTED',
  /** The operation could not be planned against the supergraph, or the planner's plan for it
   *  would answer wrongly and is refused (gateway/plan/unread-planner-aliases.ts). */
  QUERY_PLANNING_FAILED: 'QUERY_PLANNING_FAILED',
  /** No (valid) credentials for a field that requires authentication. */
  UNAUTHORIZED: 'UNAUTHORIZED',
  /** Authenticated, but lacking a scope or region right. */
  FORBIDDEN: 'FORBIDDEN',
  /** An operation limit (depth, aliases, root fields, directives, tokens, cost) was exceeded;
   *  `extensions.limit`, `measured` and `max` say which and by how much. */
  OPERATION_LIMIT_EXCEEDED: 'OPERATION_LIMIT_EXCEEDED',
  /** Too many requests from this subject, region or address; retry after `extensions.retryAfterSeconds`. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** This client may only run trusted (saved) documents, and this one is not among them. */
  TRUSTED_DOCUMENT_REQUIRED: 'TRUSTED_DOCUMENT_REQUIRED',
  /** The request body is larger than the gateway accepts (`http.bodyLimitBytes`; HTTP 413). */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** The request did not finish within the gateway's total request deadline. */
  REQUEST_DEADLINE_EXCEEDED: 'REQUEST_DEADLINE_EXCEEDED',
  // Apollo Server's own request-level codes, kept as they are:
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  BAD_REQUEST: 'BAD_REQUEST',
  OPERATION_RESOLUTION_FAILURE: 'OPERATION_RESOLUTION_FAILURE',
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  PERSISTED_QUERY_NOT_SUPPORTED: 'PERSISTED_QUERY_NOT_SUPPORTED',
  /** Anything unexpected; details are logged, never sent to clients. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const CATALOG: ReadonlySet<string> = new Set(Object.values(ErrorCode));

/** True when `code` is one of ours, i.e. safe to pass through to clients unmasked. */
export function isCatalogCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && CATALOG.has(code);
}

export function hubError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export function badInput(message: string, argumentName?: string): GraphQLError {
  return hubError(ErrorCode.BAD_USER_INPUT, message, argumentName ? { argumentName } : {});
}
