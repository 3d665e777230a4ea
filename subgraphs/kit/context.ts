import type { GraphQLError } from 'graphql';
import type { RegionData } from './region-data.js';

/** Per-request context of every subgraph resolver. */
export interface SubgraphContext {
  readonly requestId: string;
  readonly data: RegionData;
  readonly suppressionThreshold: number;
  /**
   * Errors to report alongside data (e.g. one region's source failed while a merged list still
   * answers with the others). Appended to the response by `partialErrorsPlugin`.
   */
  readonly partialErrors: GraphQLError[];
}
