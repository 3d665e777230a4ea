import type { QueryPlan } from '@graphql-hive/router-query-planner';

/**
 * Puts the supergraph's subgraph names back into a plan made on a supergraph copy with renamed
 * subgraphs (load/planner-graph-order.ts): every node carrying a `serviceName` (Fetch,
 * BatchFetch, and those nested in Sequence/Parallel/Flatten/Condition/Defer/Subscription).
 * The plan is freshly made by the planner, so it is rewritten in place.
 */
export function restoreServiceNames(plan: QueryPlan, serviceNames: ReadonlyMap<string, string>): QueryPlan {
  if (serviceNames.size === 0) return plan;
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const node = value as Record<string, unknown>;
    if (typeof node.serviceName === 'string') {
      node.serviceName = serviceNames.get(node.serviceName) ?? node.serviceName;
    }
    for (const key of Object.keys(node)) if (key !== 'serviceName') visit(node[key]);
  };
  visit(plan.node);
  return plan;
}
