import {
  type DocumentNode,
  type ExecutionResult,
  execute,
  type GraphQLSchema,
  Kind,
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
    document = {
      kind: Kind.DOCUMENT,
      definitions: [
        { ...prepared.operation, selectionSet: onlyIntrospection(prepared.operation.selectionSet) },
        ...prepared.fragments.values(),
      ],
    };
    documents.set(prepared, document);
  }
  return execute({ schema, document, variableValues: variables }) as ExecutionResult;
}

function onlyIntrospection(set: SelectionSetNode): SelectionSetNode {
  const selections = [];
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      if (INTROSPECTION.has(s.name.value)) selections.push(s);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      const inner = onlyIntrospection(s.selectionSet);
      if (inner.selections.length > 0) selections.push({ ...s, selectionSet: inner });
    } else selections.push(s);
  }
  return { ...set, selections };
}
