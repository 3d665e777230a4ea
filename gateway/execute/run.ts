import type { GraphQLError } from 'graphql';
import type { Logger } from '../../core/log.js';
import type { TypeIndex } from '../load/type-index.js';
import type { OutgoingHeaders } from '../transport/headers.js';
import type { SubgraphClient } from '../transport/subgraph-client.js';
import type { FetchFailure } from './shape/shape.js';

/** Where and how the subgraphs of the serving supergraph are reached. */
export interface SubgraphDirectory {
  url(subgraph: string): string | undefined;
  timeoutMs(subgraph: string): number;
}

/** The state of one operation's execution. */
export interface ExecutionRun {
  readonly types: TypeIndex;
  readonly subgraphs: SubgraphDirectory;
  readonly client: SubgraphClient;
  readonly outgoing: OutgoingHeaders;
  /** Coerced variables of the client operation. */
  readonly variables: Readonly<Record<string, unknown>>;
  readonly isMutation: boolean;
  readonly logger: Logger;
  /**
   * Aborts when the client has gone or the request deadline passed: no new plan node starts, and
   * in-flight subgraph requests no other client shares are aborted (transport/dedup.ts).
   */
  readonly signal: AbortSignal;
  /** The merged data of every fetch so far, keyed by response keys. */
  readonly data: Record<string, unknown>;
  readonly errors: GraphQLError[];
  /** Entity objects whose fetch failed: their missing fields raise its error (shape/shape.ts). */
  readonly failed: Map<object, FetchFailure>;
  /** Root response keys whose root fetch failed: the fields raise its error (shape/shape.ts). */
  readonly failedRoot: Map<string, FetchFailure>;
  /**
   * Response positions a subgraph's own null propagation left null (GraphQL spec §6.4.4: a root
   * fetch answered `data: null`, an `_entities` item null, each with errors): those errors
   * explain them, the shaper adds no completion error there (shape/coverage.ts).
   */
  readonly explained: Array<ReadonlyArray<string | number>>;
}
