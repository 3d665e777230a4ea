import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import type { Conditions } from './conditions.js';
import { collectTypenameAliases, isTypeIndependent } from './runtime-type.js';

/** How a field's value is completed (GraphQL spec §6.4.3 "Value Completion"). */
export enum FieldKind {
  Typename = 0,
  Leaf = 1,
  Enum = 2,
  Composite = 3,
  /** Root `__schema` / `__type`: answered by graphql-js introspection, copied in. */
  Introspection = 4,
}

/** The wrappers of a field's type: `nonNull`, and `item` when it is a list. */
export interface Completion {
  readonly nonNull: boolean;
  readonly item: Completion | null;
}

export interface ShapeField {
  readonly key: string;
  readonly kind: FieldKind;
  readonly completion: Completion;
  /** `Parent.field`, for error messages. */
  readonly coordinate: string;
  readonly enumValues: ReadonlySet<string> | null;
  readonly child: ShapeSelection | null;
}

/**
 * A selection set compiled for response shaping. Fields are collected per runtime object type
 * (CollectFields, GraphQL spec §6.3.2) on first use and cached: with the plan, for one set of
 * @skip/@include outcomes, so the hot path never walks the AST or the schema again.
 */
export class ShapeSelection {
  private readonly byType = new Map<string, ShapeField[]>();

  constructor(
    private readonly schema: GraphQLSchema,
    readonly parentType: GraphQLCompositeType,
    private readonly selectionSets: readonly SelectionSetNode[],
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly conditions: Conditions,
  ) {}

  /** True when the runtime type must be read from the value's `__typename`. */
  get isAbstract(): boolean {
    return isAbstractType(this.parentType);
  }

  /**
   * Runtime object type of a raw value: from `__typename`, else from a client alias of it (the
   * planner does not add `__typename` when the client already selects it under an alias).
   */
  runtimeTypeOf(raw: Record<string, unknown>): GraphQLObjectType | undefined {
    if (raw.__typename !== undefined) return this.runtimeType(raw.__typename);
    this.typenameAliases ??= collectTypenameAliases(this.selectionSets, this.fragments);
    for (const key of this.typenameAliases) {
      const type = this.runtimeType(raw[key]);
      if (type) return type;
    }
    return undefined;
  }

  private typenameAliases: string[] | undefined;

  /**
   * An @interfaceObject subgraph answers with the interface's own name as `__typename` (or,
   * when the planner saw no need, none at all). When the selection reads the same for every
   * implementation (no `__typename`, no type conditions), the value is shaped as any
   * implementation; otherwise the planner fetched the real type and a missing one is an error.
   */
  uniformType(typename: unknown): GraphQLObjectType | undefined {
    if (!isInterfaceType(this.parentType)) return undefined;
    if (typename !== undefined && typename !== this.parentType.name) return undefined;
    if (!isTypeIndependent(this.parentType.name, this.selectionSets, this.fragments)) return undefined;
    return this.schema.getPossibleTypes(this.parentType)[0];
  }

  /** Runtime object type for a `__typename`, or undefined when it is not a possible type here. */
  runtimeType(typename: unknown): GraphQLObjectType | undefined {
    if (typeof typename !== 'string') return undefined;
    const type = this.schema.getType(typename);
    if (!isObjectType(type)) return undefined;
    if (isAbstractType(this.parentType))
      return this.schema.isSubType(this.parentType, type) ? type : undefined;
    return type === this.parentType ? type : undefined;
  }

  fieldsFor(type: GraphQLObjectType): ShapeField[] {
    let fields = this.byType.get(type.name);
    if (!fields) {
      fields = this.compile(type);
      this.byType.set(type.name, fields);
    }
    return fields;
  }

  private compile(type: GraphQLObjectType): ShapeField[] {
    const groups = new Map<string, FieldNode[]>();
    const visited = new Set<string>();
    for (const set of this.selectionSets) this.collect(type, set, groups, visited);
    const fields: ShapeField[] = [];
    for (const [key, nodes] of groups) {
      const first = nodes[0]!;
      const name = first.name.value;
      if (name === '__typename') {
        fields.push(leafField(key, FieldKind.Typename, `${type.name}.__typename`, true));
        continue;
      }
      if ((name === '__schema' || name === '__type') && type === this.schema.getQueryType()) {
        fields.push(leafField(key, FieldKind.Introspection, `${type.name}.${name}`, name === '__schema'));
        continue;
      }
      const definition: GraphQLField<unknown, unknown> | undefined = type.getFields()[name];
      if (!definition) continue; // validated documents only select existing fields
      const named = namedType(definition.type);
      const coordinate = `${type.name}.${name}`;
      const completion = completionOf(definition.type);
      if (isCompositeType(named)) {
        const childSets = nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
        const child = new ShapeSelection(this.schema, named, childSets, this.fragments, this.conditions);
        fields.push({ key, kind: FieldKind.Composite, completion, coordinate, enumValues: null, child });
      } else if (isEnumType(named)) {
        const enumValues = new Set(named.getValues().map((v) => v.name));
        fields.push({ key, kind: FieldKind.Enum, completion, coordinate, enumValues, child: null });
      } else {
        fields.push({ key, kind: FieldKind.Leaf, completion, coordinate, enumValues: null, child: null });
      }
    }
    return fields;
  }

  private collect(
    type: GraphQLObjectType,
    set: SelectionSetNode,
    groups: Map<string, FieldNode[]>,
    visited: Set<string>,
  ): void {
    for (const selection of set.selections) {
      if (!this.conditions.included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const group = groups.get(key);
        if (group) group.push(selection);
        else groups.set(key, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition?.name.value;
        if (condition && !this.applies(condition, type)) continue;
        this.collect(type, selection.selectionSet, groups, visited);
      } else {
        const name = selection.name.value;
        if (visited.has(name)) continue;
        visited.add(name);
        const fragment = this.fragments.get(name);
        if (!fragment || !this.applies(fragment.typeCondition.name.value, type)) continue;
        this.collect(type, fragment.selectionSet, groups, visited);
      }
    }
  }

  /** DoesFragmentTypeApply (GraphQL spec §6.3.2). */
  private applies(condition: string, type: GraphQLObjectType): boolean {
    if (condition === type.name) return true;
    const conditionType = this.schema.getType(condition);
    return isAbstractType(conditionType) && this.schema.isSubType(conditionType, type);
  }
}

function leafField(key: string, kind: FieldKind, coordinate: string, nonNull: boolean): ShapeField {
  return { key, kind, completion: { nonNull, item: null }, coordinate, enumValues: null, child: null };
}

function completionOf(type: GraphQLOutputType): Completion {
  if (isNonNullType(type)) return { ...completionOf(type.ofType), nonNull: true };
  if (isListType(type)) return { nonNull: false, item: completionOf(type.ofType) };
  return { nonNull: false, item: null };
}

function namedType(type: GraphQLOutputType) {
  let t = type;
  while (isNonNullType(t) || isListType(t)) t = t.ofType;
  return t;
}
