import type { RequiresSelection } from '@graphql-hive/router-query-planner';
import type { TypeIndex } from '../load/type-index.js';

/** A required value was never fetched (an earlier fetch failed): the entity cannot be sent. */
export const MISSING = Symbol('missing');

/**
 * Builds an entity representation from the `requires` selection of a fetch (federation spec,
 * "_entities" and "@requires"): `__typename`, the key fields and any @requires fields, taken from
 * the merged data. A field that is absent makes the whole representation unusable — sending it
 * without would make the subgraph compute from incomplete input (Apollo gateway does the same).
 */
export function projectRequires(
  selections: readonly RequiresSelection[],
  object: Record<string, unknown>,
  types: TypeIndex,
  variables: Readonly<Record<string, unknown>>,
): Record<string, unknown> | typeof MISSING | null {
  const out: Record<string, unknown> = {};
  if (projectInto(selections, object, types, variables, out) === MISSING) return MISSING;
  if (out.__typename === undefined) {
    if (Object.keys(out).length === 0) return null; // no type condition matched: not this fetch's entity
    out.__typename = object.__typename;
  }
  return out;
}

function projectInto(
  selections: readonly RequiresSelection[],
  object: Record<string, unknown>,
  types: TypeIndex,
  variables: Readonly<Record<string, unknown>>,
  out: Record<string, unknown>,
): typeof MISSING | undefined {
  const typename = object.__typename;
  for (const selection of selections) {
    if (selection.kind === 'InlineFragment') {
      if (selection.skipIf && variables[selection.skipIf] === true) continue;
      if (selection.includeIf && variables[selection.includeIf] !== true) continue;
      if (typeof typename !== 'string' || !types.satisfies(typename, selection.typeCondition)) continue;
      if (projectInto(selection.selections, object, types, variables, out) === MISSING) return MISSING;
    } else if (selection.kind === 'Field') {
      // `name` is the response key the planner fetched the value under (e.g.
      // `_internal_qp_alias_0` when the same field is required with other arguments too);
      // `alias` is the field's name in the representation the subgraph expects, and the key the
      // value sits under when an output KeyRenamer already renamed it back. No client value
      // shares these keys: client aliases execute as `_vn_a<N>` (client-keys.ts).
      const key = selection.alias ?? selection.name;
      let value = object[selection.name];
      if (value === undefined && selection.alias) value = object[selection.alias];
      if (value === undefined) return MISSING;
      const projected = selection.selections
        ? projectValue(selection.selections, value, types, variables)
        : value;
      if (projected === MISSING) return MISSING;
      out[key] = projected;
    }
    // FragmentSpread does not occur in requires the planner emits (it inlines fragments).
  }
  return undefined;
}

function projectValue(
  selections: readonly RequiresSelection[],
  value: unknown,
  types: TypeIndex,
  variables: Readonly<Record<string, unknown>>,
): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const items = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = projectValue(selections, value[i], types, variables);
      if (item === MISSING) return MISSING;
      items[i] = item;
    }
    return items;
  }
  const out: Record<string, unknown> = {};
  if (projectInto(selections, value as Record<string, unknown>, types, variables, out) === MISSING)
    return MISSING;
  return out;
}
