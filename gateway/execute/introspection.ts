import {
  type DocumentNode,
  type ExecutionResult,
  execute,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  Kind,
  type NamedTypeNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import type { PreparedOperation } from '../plan/prepared.js';

const INTROSPECTION = new Set(['__schema', '__type']);
const documents = new WeakMap<PreparedOperation, DocumentNode>();

/**
 * Root introspection fields (`__schema`, `__type`, GraphQL spec §4.2) are answered from the API
 * schema by graphql-js itself — the schema clients see, with descriptions and without
 * @inaccessible parts. Only those root fields are executed here; the rest comes from the plan.
 */
export function executeIntrospection(
  schema: GraphQLSchema,
  prepared: PreparedOperation,
  variables: Readonly<Record<string, unknown>>,
): ExecutionResult {
  let document = documents.get(prepared);
  if (!document) {
    const root = onlyIntrospection(prepared.operation.selectionSet, prepared.fragments, new Set());
    document = {
      kind: Kind.DOCUMENT,
      definitions: [{ ...prepared.operation, selectionSet: root }, ...prepared.fragments.values()],
    };
    documents.set(prepared, document);
  }
  return execute({ schema, document, variableValues: variables }) as ExecutionResult;
}

/**
 * The root selection set with only its introspection fields, at any fragment depth. A fragment
 * spread at the root becomes an inline fragment with the spread's type condition and directives
 * (the same CollectFields outcome, GraphQL spec §6.3.2) holding only the fragment's
 * introspection fields: spread as is, graphql-js would also execute the fragment's other root
 * fields here, without resolvers, and a non-null one would null the whole introspection answer.
 * Fragments spread below an introspection field (`__type { ...TypeRef }`) stay spreads.
 */
function onlyIntrospection(
  set: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  visiting: ReadonlySet<string>,
): SelectionSetNode {
  const selections: SelectionNode[] = [];
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      if (INTROSPECTION.has(s.name.value)) selections.push(s);
      continue;
    }
    let inner: SelectionSetNode;
    let typeCondition: NamedTypeNode | undefined;
    if (s.kind === Kind.INLINE_FRAGMENT) {
      inner = onlyIntrospection(s.selectionSet, fragments, visiting);
      typeCondition = s.typeCondition;
    } else {
      const fragment = fragments.get(s.name.value);
      // Validated documents spread defined fragments without cycles; the guard keeps this total.
      if (!fragment || visiting.has(s.name.value)) continue;
      inner = onlyIntrospection(fragment.selectionSet, fragments, new Set([...visiting, s.name.value]));
      typeCondition = fragment.typeCondition;
    }
    if (inner.selections.length === 0) continue;
    selections.push({
      kind: Kind.INLINE_FRAGMENT,
      ...(typeCondition ? { typeCondition } : {}),
      ...(s.directives ? { directives: s.directives } : {}),
      selectionSet: inner,
    });
  }
  return { ...set, selections };
}
