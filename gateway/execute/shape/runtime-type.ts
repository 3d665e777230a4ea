import { type FragmentDefinitionNode, Kind, type SelectionSetNode } from 'graphql';

/*
 * How the shaper finds a value's runtime object type when the subgraph answer has no usable
 * `__typename`: from a client alias of it, or — for @interfaceObject answers — not at all
 * when the selection does not depend on it.
 */

/**
 * Where the merged data keeps an object's runtime `__typename` when a client alias of ANOTHER field
 * took the response key `__typename` (`node { __typename: id }` is legal: an alias is any Name,
 * GraphQL spec §2.7, and the response key holds the aliased field's value). The client's value
 * stays at `__typename` for the shaper to answer; the type the subgraph answered goes here
 * (execute/client-keys.ts restoreClientKeys), `undefined` when none was fetched. A symbol key:
 * never serialised, never a response key.
 */
export const RUNTIME_TYPENAME: unique symbol = Symbol('vardnav.runtimeTypename');

/** The runtime type name the subgraphs answered for a merged object, whoever took `__typename`. */
export function typenameOf(raw: object): unknown {
  return RUNTIME_TYPENAME in raw
    ? (raw as { [RUNTIME_TYPENAME]?: unknown })[RUNTIME_TYPENAME]
    : (raw as { __typename?: unknown }).__typename;
}

/**
 * True when a selection reads the same for every implementation of `typeName`: no
 * `__typename` and no type condition other than `typeName` itself (fields of nested
 * selections do not matter: their parent type is fixed by the field).
 */
export function isTypeIndependent(
  typeName: string,
  sets: readonly SelectionSetNode[],
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): boolean {
  for (const set of sets) {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === '__typename') return false;
        continue;
      }
      const fragment =
        selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
      if (!fragment) continue;
      const condition = fragment.typeCondition?.name.value;
      if (condition !== undefined && condition !== typeName) return false;
      if (!isTypeIndependent(typeName, [fragment.selectionSet], fragments)) return false;
    }
  }
  return true;
}

/** Response keys of aliased `__typename` selections, at any fragment depth. */
export function collectTypenameAliases(
  sets: readonly SelectionSetNode[],
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): string[] {
  const keys: string[] = [];
  const visited = new Set<string>();
  const walk = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === '__typename' && selection.alias) keys.push(selection.alias.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet);
      } else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  for (const set of sets) walk(set);
  return keys;
}
