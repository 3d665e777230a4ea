import type { FetchNode, FlattenNodePathSegment } from '@graphql-hive/router-query-planner';
import { explainNullEntities, failEntities, mergeEntities, relocateEntityErrors } from './entity-results.js';
import { sendFetch, usedVariables } from './fetch-request.js';
import { buildBatch } from './representations.js';
import type { ExecutionRun } from './run.js';

/**
 * Flatten(path) → Fetch with `requires`: one `_entities(representations:)` request for every
 * entity at `path`, whatever the list length (federation spec, "Query._entities") — never one
 * request per entity.
 */
export async function executeEntityFetch(
  run: ExecutionRun,
  path: readonly FlattenNodePathSegment[],
  node: FetchNode,
): Promise<void> {
  const batch = buildBatch(run, [path], node.requires ?? [], node.inputRewrites);
  if (batch.representations.length === 0) return;
  const others = usedVariables(run, node.variableUsages);
  const variables = `"representations":[${batch.representations.join(',')}]${others ? `,${others}` : ''}`;
  const response = await sendFetch(run, node, variables, (error) => failEntities(run, [batch], error));
  if (!response) return;
  if (response.errors)
    relocateEntityErrors(run, node.serviceName, batch, response.errors, '_entities', node.outputRewrites);
  const entities = response.data?._entities;
  explainNullEntities(run, batch, entities, response.errors, '_entities');
  if (!Array.isArray(entities)) return;
  mergeEntities(run, batch, entities, node.outputRewrites);
}
