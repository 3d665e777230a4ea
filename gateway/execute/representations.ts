import type {
  FlattenNodePathSegment,
  InputRewrite,
  RequiresSelection,
} from '@graphql-hive/router-query-planner';
import { collectEntities, type EntityTarget } from './entities.js';
import { FlatRepresentations, flatRequires } from './flat-representations.js';
import { MISSING, projectRequires } from './requires.js';
import { applyRewrites } from './rewrites.js';
import type { ExecutionRun } from './run.js';

/**
 * The entities one `_entities` call serves: unique representations (JSON, deduplicated: the same
 * entity reached along several paths is asked for once) and, per target object, the index of its
 * representation — to merge answers back and to relocate errors to every affected path.
 */
export interface EntityBatch {
  readonly representations: string[];
  readonly targets: EntityTarget[];
  readonly indexOf: number[];
}

/**
 * Collects the targets along `paths` and their representations. The common flat `requires`
 * (one type condition over leaf fields, no input rewrites) takes flat-representations.ts, which
 * deduplicates by value before serialising; every other shape is projected (requires.ts) and
 * deduplicated by its JSON.
 */
export function buildBatch(
  run: ExecutionRun,
  paths: readonly (readonly FlattenNodePathSegment[])[],
  requires: readonly RequiresSelection[],
  inputRewrites: readonly InputRewrite[] | undefined,
): EntityBatch {
  const found: EntityTarget[] = [];
  for (const path of paths) collectEntities(run.data, path, run.types, found);
  const representations: string[] = [];
  const targets: EntityTarget[] = [];
  const indexOf: number[] = [];
  const flat = inputRewrites?.length ? null : flatRequires(requires);
  if (flat) {
    const writer = new FlatRepresentations(flat, run.types, representations);
    for (const target of found) {
      const index = writer.indexOf(target.object);
      if (index === null || index === MISSING) continue;
      targets.push(target);
      indexOf.push(index);
    }
    return { representations, targets, indexOf };
  }
  const seen = new Map<string, number>();
  for (const target of found) {
    const representation = projectRequires(requires, target.object, run.types, run.variables);
    if (representation === null || representation === MISSING) continue;
    applyRewrites(representation, inputRewrites, run.types);
    // Projection follows the `requires` order, so equal entities serialise identically.
    const json = JSON.stringify(representation);
    let index = seen.get(json);
    if (index === undefined) {
      index = representations.length;
      seen.set(json, index);
      representations.push(json);
    }
    targets.push(target);
    indexOf.push(index);
  }
  return { representations, targets, indexOf };
}
