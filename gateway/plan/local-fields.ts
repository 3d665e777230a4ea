import {
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  getNamedType,
  Kind,
  type OperationDefinitionNode,
  print,
  type SelectionSetNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';

/**
 * Root fields the gateway answers itself: introspection (`__schema`, `__type`, GraphQL spec §4.2)
 * and the root `__typename`. The planner cannot plan introspection ("No paths found for selection
 * item: __schema"), so they are removed from the document it sees.
 */
const LOCAL_ROOT_FIELDS = new Set(['__schema', '__type', '__typename']);
const INTROSPECTION_ROOT_FIELDS = new Set(['__schema', '__type']);

export interface SplitOperation {
  /** Text to plan, or null when every root field is answered locally. */
  readonly planText: string | null;
  /** True when the operation selects `__schema` or `__type` at the root. */
  readonly hasIntrospection: boolean;
}

/**
 * True when a literal `@skip(if: true)` or `@include(if: false)` excludes the selection (GraphQL
 * spec §6.3.2 CollectFields). The planner fails on an operation whose every root selection is
 * excluded this way ("Failed to build a plan") although its answer is `{ "data": {} }`, so such
 * root selections are removed before planning, like local fields. Conditions on variables are
 * planned as Condition nodes and stay.
 */
function literallyExcluded(directives: readonly DirectiveNode[] | undefined): boolean {
  if (!directives) return false;
  for (const d of directives) {
    const arg = d.arguments?.find((a) => a.name.value === 'if')?.value;
    if (arg?.kind !== Kind.BOOLEAN) continue;
    if (d.name.value === 'skip' && arg.value) return true;
    if (d.name.value === 'include' && !arg.value) return true;
  }
  return false;
}

/** Splits an operation into what the planner plans and what the gateway answers itself. */
export function splitLocalFields(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  source: string,
  rootTypeName: string,
): SplitOperation {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  let needsStrip = false;
  let hasIntrospection = false;
  const rootFragments = new Set<string>();
  const scan = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (literallyExcluded(s.directives)) {
        needsStrip = true;
        continue;
      }
      if (s.kind === Kind.FIELD) {
        if (LOCAL_ROOT_FIELDS.has(s.name.value)) needsStrip = true;
        if (INTROSPECTION_ROOT_FIELDS.has(s.name.value)) hasIntrospection = true;
      } else if (s.kind === Kind.INLINE_FRAGMENT) scan(s.selectionSet);
      else if (!rootFragments.has(s.name.value)) {
        rootFragments.add(s.name.value);
        const f = fragments.get(s.name.value);
        if (f) scan(f.selectionSet);
      }
    }
  };
  scan(operation.selectionSet);
  if (!needsStrip)
    return {
      planText: hasOtherOperations(document) ? print(operationDocument(document, operation)) : source,
      hasIntrospection,
    };

  // Strip local fields (and literally excluded selections) from the root selection set and from
  // fragments used at the root.
  const emptied = new Set<string>();
  const strip = (set: SelectionSetNode): SelectionSetNode => {
    const selections = [];
    for (const s of set.selections) {
      if (literallyExcluded(s.directives)) continue;
      if (s.kind === Kind.FIELD) {
        if (!LOCAL_ROOT_FIELDS.has(s.name.value)) selections.push(s);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        const inner = strip(s.selectionSet);
        if (inner.selections.length > 0) selections.push({ ...s, selectionSet: inner });
      } else if (!emptied.has(s.name.value)) selections.push(s);
    }
    return { ...set, selections };
  };
  const stripped = new Map<string, FragmentDefinitionNode>();
  // Fragments first (a fragment may only spread fragments defined in the document; cycles are invalid).
  let changed = true;
  while (changed) {
    changed = false;
    for (const name of rootFragments) {
      const f = fragments.get(name);
      if (!f || emptied.has(name) || f.typeCondition.name.value !== rootTypeName) continue;
      const selectionSet = strip(f.selectionSet);
      if (selectionSet.selections.length === 0) {
        emptied.add(name);
        changed = true;
      } else stripped.set(name, { ...f, selectionSet });
    }
  }
  const root = strip(operation.selectionSet);
  if (root.selections.length === 0) return { planText: null, hasIntrospection };
  const definitions = [
    { ...operation, selectionSet: root },
    ...[...fragments.values()]
      .filter((f) => !emptied.has(f.name.value))
      .map((f) => stripped.get(f.name.value) ?? f),
  ];
  return { planText: print({ kind: Kind.DOCUMENT, definitions }), hasIntrospection };
}

function hasOtherOperations(document: DocumentNode): boolean {
  let count = 0;
  for (const d of document.definitions) if (d.kind === Kind.OPERATION_DEFINITION) count += 1;
  return count > 1;
}

/** The document with only the chosen operation (and all fragments). */
function operationDocument(document: DocumentNode, operation: OperationDefinitionNode): DocumentNode {
  return {
    kind: Kind.DOCUMENT,
    definitions: document.definitions.filter((d) => d.kind !== Kind.OPERATION_DEFINITION || d === operation),
  };
}

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

/**
 * A field whose selection set may collect no fields (every selection conditional, or excluded by
 * a literal `@skip(if: true)`) still resolves in graphql-js and completes to `{}` (GraphQL spec
 * §6.4.3 CompleteValue: ExecuteSelectionSet over an empty grouped field set), or to null and
 * errors when the field itself gives them. The planner drops such a field from its fetches, so
 * it gets `__typename` added: the field is fetched and the shaper completes the client's (empty)
 * selection from it. Selection sets with a field, inline fragment without type condition or a
 * spread on the parent's own type that surely collect something stay as they are.
 */
export function keepFieldsOfEmptySelections(schema: GraphQLSchema, document: DocumentNode): DocumentNode {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const surely = (set: SelectionSetNode, parent: string, depth: number): boolean =>
    depth < 32 &&
    set.selections.some((s) => {
      if (s.directives?.some((d) => d.name.value === 'skip' || d.name.value === 'include')) return false;
      if (s.kind === Kind.FIELD) return true;
      if (s.kind === Kind.INLINE_FRAGMENT)
        return (
          (!s.typeCondition || s.typeCondition.name.value === parent) &&
          surely(s.selectionSet, parent, depth + 1)
        );
      const f = fragments.get(s.name.value);
      return !!f && f.typeCondition.name.value === parent && surely(f.selectionSet, parent, depth + 1);
    });
  const info = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(info, {
      Field: {
        leave(node) {
          const type = info.getType();
          if (!node.selectionSet || !type) return undefined;
          if (surely(node.selectionSet, getNamedType(type).name, 0)) return undefined;
          return {
            ...node,
            selectionSet: { ...node.selectionSet, selections: [...node.selectionSet.selections, TYPENAME] },
          };
        },
      },
    }),
  );
}
