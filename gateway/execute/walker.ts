import type { FlattenNodePathSegment, PlanNode } from '@graphql-hive/router-query-planner';
import { ErrorCode, hubError } from '../../core/errors.js';
import { executeBatchFetch } from './fetch-batch.js';
import { executeEntityFetch } from './fetch-entities.js';
import { executeRootFetch } from './fetch-root.js';
import type { ExecutionRun } from './run.js';

type Path = readonly FlattenNodePathSegment[];
const ROOT: Path = [];

/**
 * Walks a query plan (Apollo query plan node kinds, as the Hive planner emits them):
 * Sequence runs children in order (later fetches need earlier data), Parallel runs them
 * together, Flatten runs its child at a path, Condition picks a branch on a Boolean variable
 * (`@skip`/`@include` at a fetch boundary), Fetch/BatchFetch talk to subgraphs.
 *
 * `at` is the response path the node runs under. Flatten is the only node that changes it, and
 * it may wrap any node: the Apollo query plan format types its child as a PlanNode, and Apollo
 * Router's executor runs that child with its "current dir" joined with the Flatten's path
 * (apollographql/router, apollo-router/src/query_planner/execution.rs). The Hive planner itself
 * only emits Flatten → Fetch today (graphql-hive/router, lib/query-planner/src/planner/
 * plan_nodes.rs, `PlanNode::from_fetch_step`), but the format lets any node nest: a Fetch under a
 * path is an entity fetch at that path, a BatchFetch's alias paths are relative to it, and nested
 * Flattens concatenate.
 *
 * Before each node starts, a cancelled run (client gone, deadline) stops: the abort reason is
 * thrown and no later node of a Sequence runs.
 */
export async function executeNode(run: ExecutionRun, node: PlanNode, at: Path = ROOT): Promise<void> {
  run.signal.throwIfAborted();
  switch (node.kind) {
    case 'Sequence':
      for (const child of node.nodes) await executeNode(run, child, at);
      return;
    case 'Parallel':
      await Promise.all(node.nodes.map((child) => executeNode(run, child, at)));
      return;
    case 'Fetch':
      // A Fetch under a Flatten, or with `requires`, fetches entities (at the root when there is
      // no Flatten, e.g. a mutation's follow-up on its own result; this keeps the rule total).
      if (at.length > 0 || (node.requires && node.requires.length > 0))
        return executeEntityFetch(run, at, node);
      return executeRootFetch(run, node);
    case 'Flatten':
      return executeNode(run, node.node, at.length === 0 ? node.path : [...at, ...node.path]);
    case 'BatchFetch':
      return executeBatchFetch(run, node, at);
    case 'Condition': {
      // The condition is a variable name; its coerced value is a Boolean (validated operation).
      const branch = run.variables[node.condition] === true ? node.ifClause : node.elseClause;
      if (branch) await executeNode(run, branch, at);
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
