import type { SubgraphName } from '../../core/subgraph-names.js';
import { MODULES } from '../../subgraphs/index.js';
import { type RunningServer, type SourceRegistry, startSubgraph } from '../../subgraphs/kit/index.js';
import { testRegistry } from './dataset.js';
import { gql } from './graphql.js';

export interface TestSubgraph extends RunningServer {
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): ReturnType<typeof gql<T>>;
}

/** Starts a real subgraph on 127.0.0.1:0 over the test dataset (or the given registry). */
export async function startTestSubgraph(
  name: SubgraphName,
  options: { registry?: SourceRegistry; suppressionThreshold?: number } = {},
): Promise<TestSubgraph> {
  const server = await startSubgraph(MODULES[name], {
    host: '127.0.0.1',
    port: 0,
    registry: options.registry ?? testRegistry(),
    suppressionThreshold: options.suppressionThreshold ?? 5,
    bodyLimitBytes: 1024 * 1024,
    maxHeaderBytes: 16 * 1024,
    requestTimeoutMs: 10_000,
  });
  return { ...server, query: (query, variables) => gql(server.url, query, variables) };
}
