import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  GraphQLIncludeDirective,
  type GraphQLObjectType,
  type GraphQLSchema,
  GraphQLSkipDirective,
  getDirectiveValues,
  getNamedType,
  getOperationAST,
  getVariableValues,
  isAbstractType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * Walks a GraphQL response along the operation that produced it, the way an executor would
 * (GraphQL spec §6.3.2 CollectFields: aliases, named and inline fragments, @skip/@include with
 * the request's variables), so invariants can look at every object with its type and know which
 * schema field each response key holds. Independent of the gateway's own walkers.
 */
export type Path = ReadonlyArray<string | number>;

export interface VisitedField {
  readonly key: string;
  readonly name: string;
  readonly definition: GraphQLField<unknown, unknown>;
  readonly value: unknown;
  readonly path: Path;
  readonly nodes: readonly FieldNode[];
}

export interface VisitedObject {
  readonly type: GraphQLObjectType;
  readonly path: Path;
  readonly fields: ReadonlyMap<string, VisitedField>;
}

export class ResponseWalker {
  private readonly operation: OperationDefinitionNode;
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly variables: Record<string, unknown>;

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | undefined,
    variables: Record<string, unknown> | undefined,
  ) {
    const operation = getOperationAST(document, operationName);
    if (!operation) throw new Error('no operation to walk');
    this.operation = operation;
    for (const d of document.definitions)
      if (d.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(d.name.value, d);
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
    if (coerced.errors) throw new Error(`variables do not coerce: ${coerced.errors[0]?.message}`);
    this.variables = coerced.coerced;
  }

  /** Every object of the response (depth first), starting at the root. */
  *objects(data: Record<string, unknown>): Generator<VisitedObject> {
    const root = this.schema.getRootType(this.operation.operation);
    if (!root) return;
    const stack: VisitedObject[] = [this.visit(data, root, [this.operation.selectionSet], [])];
    while (stack.length > 0) {
      const object = stack.pop()!;
      yield object;
      for (const field of object.fields.values()) stack.push(...this.open(field));
    }
  }

  /** The objects a field's value holds (a list is flattened; nulls are skipped). */
  open(field: VisitedField): VisitedObject[] {
    const named = getNamedType(field.definition.type);
    const sets = field.nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
    if (sets.length === 0) return [];
    const out: VisitedObject[] = [];
    const visitValue = (value: unknown, path: Path) => {
      if (Array.isArray(value)) {
        for (const [i, v] of value.entries()) visitValue(v, [...path, i]);
      } else if (value && typeof value === 'object') {
        const typename = (value as { __typename?: unknown }).__typename;
        const runtime = typeof typename === 'string' ? this.schema.getType(typename) : named;
        // An abstract value without __typename cannot be typed: skipped rather than guessed.
        if (isObjectType(runtime) && !isAbstractType(runtime))
          out.push(this.visit(value as Record<string, unknown>, runtime, sets, path));
      }
    };
    visitValue(field.value, field.path);
    return out;
  }

  private visit(
    value: Record<string, unknown>,
    type: GraphQLObjectType,
    sets: readonly SelectionSetNode[],
    path: Path,
  ): VisitedObject {
    const collected = new Map<string, FieldNode[]>();
    for (const set of sets) this.collect(type, set, collected, new Set());
    const fields = new Map<string, VisitedField>();
    const definitions = type.getFields();
    for (const [key, nodes] of collected) {
      const name = nodes[0]!.name.value;
      const definition = definitions[name];
      if (!definition || !(key in value)) continue;
      fields.set(key, { key, name, definition, value: value[key], path: [...path, key], nodes });
    }
    return { type, path, fields };
  }

  private collect(
    type: GraphQLObjectType,
    set: SelectionSetNode,
    into: Map<string, FieldNode[]>,
    visited: Set<string>,
  ): void {
    for (const s of set.selections) {
      if (!this.included(s)) continue;
      if (s.kind === Kind.FIELD) {
        const key = s.alias?.value ?? s.name.value;
        into.set(key, [...(into.get(key) ?? []), s]);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        if (!s.typeCondition || this.applies(s.typeCondition.name.value, type))
          this.collect(type, s.selectionSet, into, visited);
      } else {
        const fragment = this.fragments.get(s.name.value);
        if (!fragment || visited.has(s.name.value)) continue;
        visited.add(s.name.value);
        if (this.applies(fragment.typeCondition.name.value, type))
          this.collect(type, fragment.selectionSet, into, visited);
      }
    }
  }

  private included(node: Parameters<typeof getDirectiveValues>[1]): boolean {
    if (getDirectiveValues(GraphQLSkipDirective, node, this.variables)?.if === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, node, this.variables)?.if !== false;
  }

  private applies(condition: string, type: GraphQLObjectType): boolean {
    if (condition === type.name) return true;
    const c = this.schema.getType(condition);
    return isAbstractType(c) && this.schema.isSubType(c, type);
  }
}
