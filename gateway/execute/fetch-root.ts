import type { FetchNode } from '@graphql-hive/router-query-planner';
import { Kind, parse } from 'graphql';
import { sendFetch, usedVariables } from './fetch-request.js';
import { deepMerge } from './merge.js';
import { applyRewrites } from './rewrites.js';
import type { ExecutionRun } from './run.js';
import { subgraphError } from './subgraph-errors.js';

/** Root response keys a fetch selects, for placing a transport failure; cached with the plan. */
const rootKeys = new WeakMap<FetchNode, string[]>();

function rootKeysOf(node: FetchNode): string[] {
  let keys = rootKeys.get(node);
  if (!keys) {
    keys = [];
    try {
      const document = parse(node.operation, { noLocation: true });
      for (const d of document.definitions) {
        if (d.kind !== Kind.OPERATION_DEFINITION) continue;
        for (const s of d.selectionSet.selections) {
          if (s.kind === Kind.FIELD && s.name.value !== '__typename')
            keys.push(s.alias?.value ?? s.name.value);
        }
      }
    } catch {
      // An unparsable fetch would also fail at the subgraph; the failure is then reported unplaced.
    }
    rootKeys.set(node, keys);
  }
  return keys;
}

/**
 * A fetch of root fields (no `requires`): its data merges into the response root; its errors'
 * paths already are client paths (the planner keeps the client's response keys).
 */
export async function executeRootFetch(run: ExecutionRun, node: FetchNode): Promise<void> {
  const keys = rootKeysOf(node);
  const response = await sendFetch(
    run,
    node,
    usedVariables(run, node.variableUsages),
    keys.length === 1 ? keys : undefined,
  );
  if (!response) return;
  if (response.errors) {
    for (const raw of response.errors) {
      const path = Array.isArray(raw.path) ? (raw.path as Array<string | number>) : undefined;
      run.errors.push(subgraphError(raw, node.serviceName, path));
    }
  }
  const data = response.data;
  if (data && typeof data === 'object') {
    applyRewrites(data, node.outputRewrites, run.types);
    deepMerge(run.data, data, run.types);
  }
}
