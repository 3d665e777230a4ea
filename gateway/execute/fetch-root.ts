import type { FetchNode } from '@graphql-hive/router-query-planner';
import { type GraphQLError, Kind, parse, type SelectionSetNode } from 'graphql';
import { sendFetch, usedVariables } from './fetch-request.js';
import { deepMerge } from './merge.js';
import { applyRewrites, renamedPath } from './rewrites.js';
import type { ExecutionRun } from './run.js';
import type { FetchFailure } from './shape/shape.js';
import { subgraphError } from './subgraph-errors.js';

/** Root response keys a fetch selects, for placing a transport failure; cached with the plan. */
const rootKeys = new WeakMap<FetchNode, string[]>();

function rootKeysOf(node: FetchNode): string[] {
  let keys = rootKeys.get(node);
  if (!keys) {
    keys = [];
    try {
      const document = parse(node.operation, { noLocation: true });
      const fragments = new Map<string, SelectionSetNode>();
      for (const d of document.definitions)
        if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d.selectionSet);
      const seen = new Set<string>();
      const collect = (set: SelectionSetNode) => {
        for (const s of set.selections) {
          if (s.kind === Kind.FIELD) {
            const key = s.alias?.value ?? s.name.value;
            if (s.name.value !== '__typename' && !keys!.includes(key)) keys!.push(key);
          } else if (s.kind === Kind.INLINE_FRAGMENT) collect(s.selectionSet);
          else if (!seen.has(s.name.value)) {
            seen.add(s.name.value);
            const fragment = fragments.get(s.name.value);
            if (fragment) collect(fragment);
          }
        }
      };
      for (const d of document.definitions) if (d.kind === Kind.OPERATION_DEFINITION) collect(d.selectionSet);
    } catch {
      // An unparsable fetch would also fail at the subgraph; the failure is then reported unplaced.
    }
    rootKeys.set(node, keys);
  }
  return keys;
}

/**
 * A failed root fetch (subgraph down, timeout, bad response): in graphql-js terms every root
 * field it would have supplied had a resolver that raised its error (GraphQL spec §6.4.4). The
 * shaper reports it at each such root field position, nulls propagating as usual, as for failed
 * entity fetches (entity-results.ts failEntities); execute.ts reports it once, without a path,
 * should no position report it. A key another fetch's failure claimed first keeps that one.
 */
function failRootFields(run: ExecutionRun, keys: readonly string[], error: GraphQLError): void {
  const failure: FetchFailure = { error, reported: false };
  for (const key of keys) if (!run.failedRoot.has(key)) run.failedRoot.set(key, failure);
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
    keys.length > 0 ? (error) => failRootFields(run, keys, error) : undefined,
  );
  if (!response) return;
  const data = response.data;
  const hasData = data !== null && typeof data === 'object';
  const errors = response.errors ?? [];
  if (!hasData && errors.length > 0 && keys.length > 0 && errors.every((raw) => !Array.isArray(raw.path))) {
    // A request error (GraphQL spec §7.1.2: no data, no paths; e.g. the subgraph refused the
    // fetch at validation): like a transport failure, the error of every root field this fetch
    // would have supplied, reported at each such field's position (failRootFields).
    const [first, ...rest] = errors;
    failRootFields(run, keys, subgraphError(first!, node.serviceName, undefined));
    for (const raw of rest) run.errors.push(subgraphError(raw, node.serviceName, undefined));
    return;
  }
  for (const raw of errors) {
    const path = Array.isArray(raw.path)
      ? renamedPath(raw.path as Array<string | number>, node.outputRewrites)
      : undefined;
    run.errors.push(subgraphError(raw, node.serviceName, path));
  }
  if (hasData) {
    applyRewrites(data, node.outputRewrites, run.types);
    deepMerge(run.data, data, run.types);
  } else if (errors.length > 0) {
    // No data, with errors: a non-null root field failed and the subgraph propagated its null
    // to `data` (GraphQL spec §6.4.4). Its errors explain every root field of this fetch,
    // siblings of the failed field included: the shaper must not report them again as
    // "Cannot return null for non-nullable field".
    for (const key of keys) run.explained.push([key]);
  }
}
