import type { BatchFetchNode, FetchNode, PlanNode } from '@graphql-hive/router-query-planner';

/** Calls `visit` for every subgraph fetch in a plan (Fetch and BatchFetch), depth first. */
export function forEachFetch(node: PlanNode, visit: (fetch: FetchNode | BatchFetchNode) => void): void {
  switch (node.kind) {
    case 'Sequence':
    case 'Parallel':
      for (const child of node.nodes) forEachFetch(child, visit);
      return;
    case 'Flatten':
      forEachFetch(node.node, visit);
      return;
    case 'Condition':
      if (node.ifClause) forEachFetch(node.ifClause, visit);
      if (node.elseClause) forEachFetch(node.elseClause, visit);
      return;
    case 'Subscription':
      visit(node.primary);
      return;
    case 'Defer':
      if (node.primary.node) forEachFetch(node.primary.node, visit);
      for (const deferred of node.deferred) if (deferred.node) forEachFetch(deferred.node, visit);
      return;
    case 'Fetch':
    case 'BatchFetch':
      visit(node);
      return;
    default:
  }
}
