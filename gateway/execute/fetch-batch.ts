import type { BatchFetchNode, FlattenNodePathSegment } from '@graphql-hive/router-query-planner';
import { explainNullEntities, failEntities, mergeEntities, relocateEntityErrors } from './entity-results.js';
import { sendFetch, usedVariables } from './fetch-request.js';
import { buildBatch, type EntityBatch } from './representations.js';
import type { ExecutionRun } from './run.js';

/**
 * BatchFetch (Hive planner): several entity fetches to one subgraph in one request, each an
 * aliased `_entities` field with its own representations variable. Every alias's variable is
 * sent, even when empty: the operation declares them all as required (`[_Any!]!`, GraphQL spec
 * §6.4.1 CoerceVariableValues would reject a missing one).
 */
export async function executeBatchFetch(
  run: ExecutionRun,
  node: BatchFetchNode,
  /** The path of an enclosing Flatten (walker.ts): the alias paths are relative to it. */
  at: readonly FlattenNodePathSegment[] = [],
): Promise<void> {
  const aliases = node.entityBatch.aliases;
  const batches: EntityBatch[] = [];
  let total = 0;
  let members = '';
  for (const alias of aliases) {
    const paths = at.length === 0 ? alias.paths : alias.paths.map((path) => [...at, ...path]);
    const batch = buildBatch(run, paths, alias.requires, alias.inputRewrites);
    batches.push(batch);
    total += batch.representations.length;
    members += `${members ? ',' : ''}${JSON.stringify(alias.representationsVariableName)}:[${batch.representations.join(',')}]`;
  }
  if (total === 0) return;
  const others = usedVariables(run, node.variableUsages);
  const first = batches.find((b) => b.targets.length > 0)!;
  const response = await sendFetch(run, node, others ? `${members},${others}` : members, (error) =>
    failEntities(run, batches, error),
  );
  if (!response) return;
  for (let i = 0; i < aliases.length; i++) {
    const alias = aliases[i]!;
    const batch = batches[i]!;
    if (response.errors) {
      const mine = response.errors.filter((e) => Array.isArray(e.path) && e.path[0] === alias.alias);
      relocateEntityErrors(run, node.serviceName, batch, mine, alias.alias, alias.outputRewrites);
    }
    const entities = response.data?.[alias.alias];
    if (Array.isArray(entities)) mergeEntities(run, batch, entities, alias.outputRewrites);
    explainNullEntities(run, batch, entities, response.errors, alias.alias);
  }
  if (response.errors) {
    const unplaced = response.errors.filter(
      (e) => !Array.isArray(e.path) || !aliases.some((a) => a.alias === (e.path as unknown[])[0]),
    );
    relocateEntityErrors(run, node.serviceName, first, unplaced, '', undefined);
  }
}
