import type { GraphQLError } from 'graphql';
import type { Logger } from '../../core/log.js';
import type { TypeIndex } from '../load/type-index.js';
import type { OutgoingHeaders } from '../transport/headers.js';
import type { SubgraphClient } from '../transport/subgraph-client.js';

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
  /** The merged data of every fetch so far, keyed by response keys. */
  readonly data: Record<string, unknown>;
  readonly errors: GraphQLError[];
  /** A fetch failed as a whole: the values it would have supplied are missing everywhere. */
  failedFetch: boolean;
}
