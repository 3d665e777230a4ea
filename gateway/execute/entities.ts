import type { FlattenNodePathSegment } from '@graphql-hive/router-query-planner';
import type { TypeIndex } from '../load/type-index.js';
import { type PathNode, pathArray } from './path.js';

/**
 * An entity object in the merged data and where it sits in the response: under `parent`, at
 * `key` (undefined when it is the value at `parent` itself, e.g. the root). The last step is kept
 * on the target rather than in a PathNode of its own: one object per entity instead of two.
 */
export interface EntityTarget {
  readonly object: Record<string, unknown>;
  readonly parent: PathNode | null;
  readonly key: string | number | undefined;
}

/** The response path of an entity target (materialised only for errors). */
export function targetPath(target: EntityTarget): Array<string | number> {
  const path = pathArray(target.parent);
  if (target.key !== undefined) path.push(target.key);
  return path;
}

/**
 * Finds the objects a Flatten path points at (Apollo query plan semantics): `{Field}` steps into
 * a response key, `"@"` steps into every element of a list, `{TypeCondition}` keeps only objects
 * whose type satisfies one of the types. Nulls end the branch: there is nothing to fetch.
 *
 * The type is the object's `__typename`. An object without one sits where the planner knew its
 * type statically and did not fetch it: the root (`...on Query @include(if: $v) { … }` plans as
 * `[{TypeCondition: ["Query"]}, …]`) or a field of an object type (`university { ...on University
 * @include(if: $v) { … } }`). There the condition comes from a fragment the operation's
 * validation found possible on that very type (GraphQL spec §5.5.2.3 "Fragment Spread Is
 * Possible": an object type's only possible type is itself), so the object is kept. Where the
 * type is abstract the planner selects `__typename` (it must, to tell the members apart).
 */
export function collectEntities(
  data: unknown,
  segments: readonly FlattenNodePathSegment[],
  types: TypeIndex,
  out: EntityTarget[],
): void {
  walk(data, segments, 0, null, undefined, types, out);
}

/** `value` sits under `parent` at `key`; its own PathNode is made only to parent deeper steps. */
function walk(
  value: unknown,
  segments: readonly FlattenNodePathSegment[],
  at: number,
  parent: PathNode | null,
  key: string | number | undefined,
  types: TypeIndex,
  out: EntityTarget[],
): void {
  if (value === null || typeof value !== 'object') return;
  if (at === segments.length) {
    if (Array.isArray(value)) {
      const here = key === undefined ? parent : { parent, key };
      for (let i = 0; i < value.length; i++) walk(value[i], segments, at, here, i, types, out);
    } else out.push({ object: value as Record<string, unknown>, parent, key });
    return;
  }
  const segment = segments[at]!;
  if (segment === '@' || Array.isArray(value)) {
    if (!Array.isArray(value)) return;
    const next = segment === '@' ? at + 1 : at;
    const here = key === undefined ? parent : { parent, key };
    for (let i = 0; i < value.length; i++) walk(value[i], segments, next, here, i, types, out);
    return;
  }
  const object = value as Record<string, unknown>;
  if ('Field' in segment) {
    const here = key === undefined ? parent : { parent, key };
    walk(object[segment.Field], segments, at + 1, here, segment.Field, types, out);
  } else if ('TypeCondition' in segment) {
    const typename = object.__typename;
    if (
      typename === undefined ||
      (typeof typename === 'string' && types.satisfiesAny(typename, segment.TypeCondition))
    ) {
      walk(object, segments, at + 1, parent, key, types, out);
    }
  }
}
