import type { PlanNode } from '@graphql-hive/router-query-planner';
import { ErrorCode, hubError } from '../../core/errors.js';
import { executeBatchFetch } from './fetch-batch.js';
import { executeEntityFetch } from './fetch-entities.js';
import { executeRootFetch } from './fetch-root.js';
import type { ExecutionRun } from './run.js';

/**
 * Walks a query plan (Apollo query plan node kinds, as the Hive planner emits them):
 * Sequence runs children in order (later fetches need earlier data), Parallel runs them
 * together, Flatten fetches entities at a path, Condition picks a branch on a Boolean variable
 * (`@skip`/`@include` at a fetch boundary), Fetch/BatchFetch talk to subgraphs.
 */
export async function executeNode(run: ExecutionRun, node: PlanNode): Promise<void> {
  switch (node.kind) {
    case 'Sequence':
      for (const child of node.nodes) await executeNode(run, child);
      return;
    case 'Parallel':
      await Promise.all(node.nodes.map((child) => executeNode(run, child)));
      return;
    case 'Fetch':
      // A Fetch with `requires` outside a Flatten fetches entities at the root (e.g. a mutation's
      // follow-up on its own result is always under a Flatten; this keeps the rule total).
      if (node.requires && node.requires.length > 0) return executeEntityFetch(run, [], node);
      return executeRootFetch(run, node);
    case 'Flatten':
      if (node.node.kind !== 'Fetch') throw unsupported(`Flatten over ${node.node.kind}`);
      return executeEntityFetch(run, node.path, node.node);
    case 'BatchFetch':
      return executeBatchFetch(run, node);
    case 'Condition': {
      // The condition is a variable name; its coerced value is a Boolean (validated operation).
      const branch = run.variables[node.condition] === true ? node.ifClause : node.elseClause;
      if (branch) await executeNode(run, branch);
      return;
    }
    case 'Defer':
      throw unsupported('@defer (incremental delivery)');
    case 'Subscription':
      throw unsupported('subscriptions');
    default:
      throw unsupported(`plan node ${(node as { kind: string }).kind}`);
  }
}

function unsupported(what: string) {
  return hubError(ErrorCode.OPERATION_NOT_SUPPORTED, `The gateway does not execute ${what} yet.`);
}
