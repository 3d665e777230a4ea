import { type GraphQLObjectType, Kind, type SelectionNode, type SelectionSetNode } from 'graphql';
import { type BuildState, name } from './operation-state.js';
import { condition } from './variables.js';

/**
 * Fragments in generated operations: the tail of a selection set moved into a named fragment
 * (defined once, spread where it was cut) or an inline fragment with or without its type
 * condition, either sometimes under `@skip`/`@include`. Every fragment defined is spread, so no
 * operation has an unused fragment (GraphQL spec §5.5.1.4).
 */

/** Moves some selections into a named fragment or an inline fragment (possibly conditional). */
export function fragmentise(
  s: BuildState,
  type: GraphQLObjectType,
  selections: SelectionNode[],
): SelectionNode[] {
  if (selections.length === 0 || !s.dice.chance(0.25)) return selections;
  const cut = s.dice.int(0, selections.length - 1);
  const moved = selections.slice(cut);
  const kept = selections.slice(0, cut);
  const set: SelectionSetNode = { kind: Kind.SELECTION_SET, selections: moved };
  const directives = s.dice.chance(0.3) ? [condition(s)] : [];
  if (s.dice.chance(0.5)) {
    const fragment = `F${s.counter++}`;
    s.fragments.push({
      kind: Kind.FRAGMENT_DEFINITION,
      name: name(fragment),
      typeCondition: { kind: Kind.NAMED_TYPE, name: name(type.name) },
      selectionSet: set,
    });
    return [...kept, { kind: Kind.FRAGMENT_SPREAD, name: name(fragment), directives }];
  }
  return [
    ...kept,
    {
      kind: Kind.INLINE_FRAGMENT,
      ...(s.dice.chance(0.6) ? { typeCondition: { kind: Kind.NAMED_TYPE, name: name(type.name) } } : {}),
      directives,
      selectionSet: set,
    },
  ];
}
