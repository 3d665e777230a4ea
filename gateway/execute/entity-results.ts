import type { OutputRewrite } from '@graphql-hive/router-query-planner';
import { GraphQLError } from 'graphql';
import type { RawSubgraphError } from '../transport/subgraph-client.js';
import { targetPath } from './entities.js';
import { deepMerge } from './merge.js';
import type { EntityBatch } from './representations.js';
import { applyRewrites, renamedPath } from './rewrites.js';
import type { ExecutionRun } from './run.js';
import type { FetchFailure } from './shape/shape.js';
import { subgraphError } from './subgraph-errors.js';

/** Merges the `_entities` answers (one per representation, in order) into every target. */
export function mergeEntities(
  run: ExecutionRun,
  batch: EntityBatch,
  entities: unknown,
  outputRewrites: readonly OutputRewrite[] | undefined,
): void {
  if (!Array.isArray(entities)) return;
  const rewritten = outputRewrites ? new Set<number>() : null;
  for (let i = 0; i < batch.targets.length; i++) {
    const index = batch.indexOf[i]!;
    const entity = entities[index];
    if (entity === null || typeof entity !== 'object') continue;
    if (rewritten && !rewritten.has(index)) {
      applyRewrites(entity, outputRewrites, run.types);
      rewritten.add(index);
    }
    deepMerge(batch.targets[i]!.object, entity as Record<string, unknown>, run.types);
  }
}

/**
 * Relocates `_entities` errors: `[field, i, ...rest]` (field is `_entities` or a BatchFetch
 * alias) becomes `[...path of every target of representation i, ...rest]`. An error that names
 * no entity is kept without a path.
 */
export function relocateEntityErrors(
  run: ExecutionRun,
  subgraph: string,
  batch: EntityBatch,
  errors: readonly RawSubgraphError[],
  field: string,
  outputRewrites: readonly OutputRewrite[] | undefined,
): void {
  for (const raw of errors) {
    const path = Array.isArray(raw.path) ? (raw.path as Array<string | number>) : undefined;
    const index = path && path[0] === field && typeof path[1] === 'number' ? path[1] : undefined;
    if (index === undefined) {
      run.errors.push(subgraphError(raw, subgraph, undefined));
      continue;
    }
    // Keys below the entity as the merged data has them (KeyRenamers applied).
    const rest = renamedPath(path!.slice(2), outputRewrites);
    let placed = false;
    for (let i = 0; i < batch.targets.length; i++) {
      if (batch.indexOf[i] !== index) continue;
      run.errors.push(subgraphError(raw, subgraph, [...targetPath(batch.targets[i]!), ...rest]));
      placed = true;
    }
    if (!placed) run.errors.push(subgraphError(raw, subgraph, undefined));
  }
}

/**
 * A failed entity fetch (subgraph down, timeout, bad response). In graphql-js terms every field
 * it would have supplied had a resolver that raised its error: response shaping reports the error
 * at each such field position of every target and propagates nulls (GraphQL spec §6.4.4), with
 * the client's locations. Should no position report it (e.g. the fetch only served @requires
 * inputs of fields nulled elsewhere), execute.ts reports it once at the first target's path.
 */
export function failEntities(run: ExecutionRun, batches: readonly EntityBatch[], error: GraphQLError): void {
  const first = batches.find((b) => b.targets.length > 0)?.targets[0];
  const placed = first
    ? new GraphQLError(error.message, { path: targetPath(first), extensions: error.extensions })
    : error;
  const failure: FetchFailure = { error: placed, reported: false };
  for (const batch of batches) {
    for (const target of batch.targets) {
      if (!run.failed.has(target.object)) run.failed.set(target.object, failure);
    }
  }
}

/**
 * An `_entities` item the subgraph answered null together with an error naming it (`[field, i,
 * …]`): a non-null field of that entity failed and the subgraph propagated the null to the item
 * (GraphQL spec §6.4.4). The relocated error is the one error of that null; every field this
 * fetch would have supplied to the item's targets is missing because of it, so those positions
 * are marked explained (shape/coverage.ts) and the shaper reports no completion error for them.
 * A null item without an error naming it (entity not found) stays unexplained: a non-null field
 * it leaves missing is reported, as before.
 */
export function explainNullEntities(
  run: ExecutionRun,
  batch: EntityBatch,
  entities: unknown,
  errors: readonly RawSubgraphError[] | undefined,
  field: string,
): void {
  if (!errors || errors.length === 0 || !Array.isArray(entities)) return;
  const named = new Set<number>();
  for (const raw of errors) {
    const path = raw.path;
    if (Array.isArray(path) && path[0] === field && typeof path[1] === 'number') named.add(path[1]);
  }
  for (let i = 0; i < batch.targets.length; i++) {
    const index = batch.indexOf[i]!;
    if (named.has(index) && entities[index] === null) run.explained.push(targetPath(batch.targets[i]!));
  }
}
