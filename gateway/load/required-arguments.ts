import { type DocumentNode, Kind, parse, type SelectionSetNode, visit } from 'graphql';

/**
 * Names of the fields the supergraph's @requires select with arguments (`@join__field(requires:
 * "…")`, at any depth of the field set): the client's fields of those names with arguments are
 * kept away from the planner (execute/client-keys.ts internaliseAliases says why). Computed once
 * per supergraph; empty for the hub's (it has no @requires).
 */
export function requiredWithArguments(supergraph: DocumentNode): ReadonlySet<string> {
  const names = new Set<string>();
  const collect = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD && (selection.arguments?.length ?? 0) > 0)
        names.add(selection.name.value);
      if (selection.kind !== Kind.FRAGMENT_SPREAD && selection.selectionSet) collect(selection.selectionSet);
    }
  };
  visit(supergraph, {
    Directive(node) {
      if (node.name.value !== 'join__field') return;
      const requires = node.arguments?.find((a) => a.name.value === 'requires')?.value;
      if (requires?.kind !== Kind.STRING) return;
      try {
        const fields = parse(`{ ${requires.value} }`, { noLocation: true }).definitions[0];
        if (fields?.kind === Kind.OPERATION_DEFINITION) collect(fields.selectionSet);
      } catch {
        // A field set that does not parse is the planner's to refuse; nothing to rename for it.
      }
    },
  });
  return names;
}
