import type { GraphQLError } from 'graphql';
import { type SourceRecord, type SubgraphContext, suppressionCacheOf } from '../kit/index.js';
import { cachedFlowProtection, type FlowProtection } from './flow-protection.js';

/** Patient-flow records read from the treating regions, each region's table protected. */
export interface ProtectedFlows {
  readonly records: readonly SourceRecord[];
  readonly missingRegions: readonly string[];
  readonly errors: readonly GraphQLError[];
  /** One per region read: the suppression pattern of that region's tables. */
  readonly protections: readonly FlowProtection[];
}

/**
 * Reads `patientFlows` from each region (all, or the given ones) in one batch. The suppression
 * pattern is computed on each region's whole collection (cached per records array and per content),
 * never on a filtered subset.
 */
export async function readProtectedFlows(
  ctx: SubgraphContext,
  regions: readonly string[] | undefined,
): Promise<ProtectedFlows> {
  const collected = await ctx.data.collect('patientFlows', { regions });
  const cache = suppressionCacheOf(ctx);
  const protections = [...collected.byRegion.values()].map((records) =>
    cachedFlowProtection(cache, records, ctx.suppressionThreshold),
  );
  return { ...collected, protections };
}
