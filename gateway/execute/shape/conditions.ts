import { type DirectiveNode, Kind, type SelectionNode, type ValueNode } from 'graphql';

/**
 * The outcome of every `@skip`/`@include` (GraphQL spec §3.13.2–3) for one request's variables.
 * Compiled shapes are cached per signature — the list of outcomes — so conditions cost one
 * string per request and nothing per field.
 */
export class Conditions {
  private constructor(
    readonly signature: string,
    private readonly values: ReadonlyMap<string, boolean>,
  ) {}

  static readonly none = new Conditions('', new Map());

  /** `variables` are the request's coerced variables; `names` the condition variables used. */
  static of(names: readonly string[], variables: Readonly<Record<string, unknown>>): Conditions {
    if (names.length === 0) return Conditions.none;
    const values = new Map<string, boolean>();
    let signature = '';
    for (const name of names) {
      const value = variables[name] === true;
      values.set(name, value);
      signature += value ? '1' : '0';
    }
    return new Conditions(signature, values);
  }

  included(selection: SelectionNode): boolean {
    const directives = selection.directives;
    if (!directives || directives.length === 0) return true;
    for (const directive of directives) {
      const name = directive.name.value;
      if (name === 'skip' && this.flag(directive) === true) return false;
      if (name === 'include' && this.flag(directive) === false) return false;
    }
    return true;
  }

  private flag(directive: DirectiveNode): boolean | undefined {
    const value: ValueNode | undefined = directive.arguments?.find((a) => a.name.value === 'if')?.value;
    if (!value) return undefined;
    if (value.kind === Kind.BOOLEAN) return value.value;
    if (value.kind === Kind.VARIABLE) return this.values.get(value.name.value) ?? false;
    return undefined;
  }
}

/** Names of the variables used in `@skip(if:)` / `@include(if:)` anywhere in the document. */
export function conditionVariables(
  definitions: readonly { readonly selectionSet: { readonly selections: readonly SelectionNode[] } }[],
): string[] {
  const names = new Set<string>();
  const visit = (selections: readonly SelectionNode[]) => {
    for (const s of selections) {
      for (const d of s.directives ?? []) {
        if (d.name.value !== 'skip' && d.name.value !== 'include') continue;
        const value = d.arguments?.find((a) => a.name.value === 'if')?.value;
        if (value?.kind === Kind.VARIABLE) names.add(value.name.value);
      }
      if (s.kind !== Kind.FRAGMENT_SPREAD && s.selectionSet) visit(s.selectionSet.selections);
    }
  };
  for (const definition of definitions) visit(definition.selectionSet.selections);
  return [...names].sort();
}
