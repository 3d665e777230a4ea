import type { FetchNode } from '@graphql-hive/router-query-planner';
import type { GraphQLError } from 'graphql';
import { ErrorCode } from '../../core/errors.js';
import { SubgraphFailure } from '../transport/failures.js';
import type { SubgraphResponse } from '../transport/subgraph-client.js';
import type { ExecutionRun } from './run.js';
import { failureError, type ResponsePath } from './subgraph-errors.js';

/** Receives a failed fetch's client-facing error instead of `run.errors`. */
export type FailureSink = (error: GraphQLError) => void;

type Operation = Pick<FetchNode, 'operation' | 'operationName' | 'serviceName'>;

/** `{"query":…,"operationName":…` for a fetch node, built once and cached with the plan. */
const prefixes = new WeakMap<Operation, string>();

function bodyPrefix(node: Operation): string {
  let prefix = prefixes.get(node);
  if (prefix === undefined) {
    prefix = `{"query":${JSON.stringify(node.operation)}`;
    if (node.operationName) prefix += `,"operationName":${JSON.stringify(node.operationName)}`;
    prefixes.set(node, prefix);
  }
  return prefix;
}

/** The `variables` members (without braces) for the client variables a fetch uses. */
export function usedVariables(run: ExecutionRun, usages: readonly string[] | undefined): string {
  if (!usages || usages.length === 0) return '';
  let out = '';
  for (const name of usages) {
    const value = run.variables[name];
    if (value === undefined) continue;
    out += `${out ? ',' : ''}${JSON.stringify(name)}:${JSON.stringify(value)}`;
  }
  return out;
}

/**
 * Sends one fetch. `variables` are the JSON members of its variables object. On a transport
 * failure the error is recorded at `failure` (a path, or a sink: an entity fetch's error belongs
 * to the fields it would have supplied, see entity-results.ts) and null is returned: the plan
 * goes on (partial data), the values this fetch would have supplied stay missing.
 */
export async function sendFetch(
  run: ExecutionRun,
  node: Operation,
  variables: string,
  failure: ResponsePath | FailureSink | undefined,
): Promise<SubgraphResponse | null> {
  const url = run.subgraphs.url(node.serviceName);
  try {
    if (!url)
      throw new SubgraphFailure(ErrorCode.SUBGRAPH_UNAVAILABLE, node.serviceName, 'no URL configured');
    return await run.client.send({
      subgraph: node.serviceName,
      url,
      body: `${bodyPrefix(node)},"variables":{${variables}}}`,
      headers: run.outgoing.headers,
      headersKey: run.outgoing.key,
      requestId: run.outgoing.requestId,
      dedupe: !run.isMutation,
      timeoutMs: run.subgraphs.timeoutMs(node.serviceName),
      signal: run.signal,
    });
  } catch (error) {
    // A cancelled run stops here (the abort reason propagates to the executor); whatever failed
    // after the cancellation is no subgraph failure worth logging — nobody reads this response.
    if (run.signal.aborted) throw run.signal.reason;
    if (!(error instanceof SubgraphFailure)) throw error;
    run.logger.warn('subgraph request failed', {
      subgraph: error.subgraph,
      code: error.code,
      requestId: run.outgoing.requestId,
      detail: error.detail,
    });
    if (typeof failure === 'function') failure(failureError(error, undefined));
    else run.errors.push(failureError(error, failure));
    return null;
  }
}
