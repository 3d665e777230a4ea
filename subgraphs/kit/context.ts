import type { GraphQLError } from 'graphql';
import type { ForwardedIdentity } from './identity.js';
import type { RegionData } from './region-data.js';
import type { SuppressionCache } from './suppression-cache.js';

/** Per-request context of every subgraph resolver. */
export interface SubgraphContext {
  readonly requestId: string;
  readonly data: RegionData;
  readonly suppressionThreshold: number;
  /** Suppression patterns of this server's tables (`suppressionCacheOf`; absent: per array only). */
  readonly suppressionCache?: SuppressionCache | undefined;
  /** Who is asking, as the gateway verified and signed it (null when not forwarded/configured). */
  readonly identity?: ForwardedIdentity | null;
  /**
   * Errors to report alongside data (e.g. one region's source failed while a merged list still
   * answers with the others). Appended to the response by `partialErrorsPlugin`.
   */
  readonly partialErrors: GraphQLError[];
}
