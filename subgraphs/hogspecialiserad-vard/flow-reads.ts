import type { GraphQLError } from 'graphql';
import type { SourceRecord, SubgraphContext } from '../kit/index.js';
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
 * Reads `patientFlows` from each region (all, or the given ones) in one batch, like
 * `RegionData.collect`, but keeps each region's records array: the suppression pattern is
 * computed on the region's whole collection (cached per array), never on a filtered subset.
 */
export async function readProtectedFlows(
  ctx: SubgraphContext,
  regions: readonly string[] | undefined,
): Promise<ProtectedFlows> {
  const owners = regions ?? ctx.data.regions();
  const settled = await Promise.allSettled(owners.map((owner) => ctx.data.region(owner, 'patientFlows')));
  const records: SourceRecord[] = [];
  const missingRegions: string[] = [];
  const errors: GraphQLError[] = [];
  const protections: FlowProtection[] = [];
  settled.forEach((outcome, i) => {
    if (outcome.status === 'rejected') {
      missingRegions.push(owners[i]!);
      errors.push(outcome.reason as GraphQLError);
      return;
    }
    // A loop, not push(...spread): a large region's collection would overflow the call stack.
    for (const record of outcome.value) records.push(record);
    protections.push(cachedFlowProtection(outcome.value, ctx.suppressionThreshold));
  });
  return { records, missingRegions, errors, protections };
}
