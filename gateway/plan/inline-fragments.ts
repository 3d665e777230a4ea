import { type FragmentDefinitionNode, Kind, type SelectionNode, type SelectionSetNode } from 'graphql';

/**
 * A private copy of a selection set with every fragment spread replaced by an inline fragment of
 * the fragment's selections (copied again per use), so each field node has exactly one path.
 * Null when the copy would exceed the budget.
 */
export function inlineFragments(
  set: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  budget: { left: number },
  depth = 0,
): SelectionSetNode | null {
  if (depth > 256) return null;
  const selections: SelectionNode[] = [];
  for (const selection of set.selections) {
    if (--budget.left < 0) return null;
    if (selection.kind === Kind.FIELD) {
      const sub = selection.selectionSet
        ? inlineFragments(selection.selectionSet, fragments, budget, depth + 1)
        : undefined;
      if (sub === null) return null;
      selections.push(sub ? { ...selection, selectionSet: sub } : { ...selection });
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const sub = inlineFragments(selection.selectionSet, fragments, budget, depth + 1);
      if (sub === null) return null;
      selections.push({ ...selection, selectionSet: sub });
    } else {
      const fragment = fragments.get(selection.name.value);
      if (!fragment) return null;
      const sub = inlineFragments(fragment.selectionSet, fragments, budget, depth + 1);
      if (sub === null) return null;
      selections.push({
        kind: Kind.INLINE_FRAGMENT,
        typeCondition: fragment.typeCondition,
        ...(selection.directives?.length ? { directives: selection.directives } : {}),
        selectionSet: sub,
      });
    }
  }
  return { kind: Kind.SELECTION_SET, selections };
}
