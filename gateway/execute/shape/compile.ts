import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLAbstractType,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLSchema,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import type { Conditions } from './conditions.js';
import { completionOf, FieldKind, leafField, metaField, namedType, type ShapeField } from './field.js';
import { collectTypenameAliases, isTypeIndependent, typenameOf } from './runtime-type.js';

export { type Completion, FieldKind, type ShapeField } from './field.js';

/**
 * The type a value is completed as: its runtime object type, or an interface without any
 * implementation in the supergraph (uniformType).
 */
export type ShapeType = GraphQLObjectType | GraphQLInterfaceType;

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
   * Runtime object type of a raw value: from `__typename` (the one the subgraph answered, not a
   * client alias of another field named `__typename`: typenameOf), else from a client alias of it
   * (the planner does not add `__typename` when the client already selects it under an alias).
   */
  runtimeTypeOf(raw: Record<string, unknown>): GraphQLObjectType | undefined {
    const typename = typenameOf(raw);
    if (typename !== undefined) return this.runtimeType(typename);
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
  uniformType(typename: unknown): ShapeType | undefined {
    if (!isInterfaceType(this.parentType)) return undefined;
    if (typename !== undefined && typename !== this.parentType.name) return undefined;
    if (!isTypeIndependent(this.parentType.name, this.selectionSets, this.fragments)) return undefined;
    // An interface no type of the supergraph implements (an @interfaceObject subgraph's own
    // answer, the federation spec's "@interfaceObject" without any implementing subgraph): the
    // selection reads only the interface's own fields, so it is completed from those, as
    // @apollo/gateway answers it (audit suite non-resolvable-interface-object, cases 1 and 3).
    return this.schema.getPossibleTypes(this.parentType)[0] ?? this.parentType;
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

  /**
   * The client's field at response key `key` on the raw value `raw` of this selection (to place
   * errors). The runtime type comes from the value; when there is none (the value is missing),
   * the first possible type that selects the key.
   */
  fieldAt(key: string, raw: unknown): ShapeField | undefined {
    const object = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : null;
    let type: ShapeType | undefined;
    if (!this.isAbstract) type = this.parentType as GraphQLObjectType;
    else if (object) type = this.runtimeTypeOf(object) ?? this.uniformType(typenameOf(object));
    if (type) return this.fieldsFor(type).find((f) => f.key === key);
    for (const possible of this.schema.getPossibleTypes(this.parentType as GraphQLAbstractType)) {
      const field = this.fieldsFor(possible).find((f) => f.key === key);
      if (field) return field;
    }
    return undefined;
  }

  fieldsFor(type: ShapeType): ShapeField[] {
    let fields = this.byType.get(type.name);
    if (!fields) {
      fields = this.compile(type);
      this.byType.set(type.name, fields);
    }
    return fields;
  }

  private compile(type: ShapeType): ShapeField[] {
    const groups = new Map<string, FieldNode[]>();
    const visited = new Set<string>();
    for (const set of this.selectionSets) this.collect(type, set, groups, visited);
    const fields: ShapeField[] = [];
    for (const [key, nodes] of groups) {
      const first = nodes[0]!;
      const name = first.name.value;
      if (name === '__typename') {
        fields.push(metaField(key, FieldKind.Typename, `${type.name}.__typename`, true, nodes));
        continue;
      }
      if ((name === '__schema' || name === '__type') && type === this.schema.getQueryType()) {
        const coordinate = `${type.name}.${name}`;
        fields.push(metaField(key, FieldKind.Introspection, coordinate, name === '__schema', nodes));
        continue;
      }
      const definition: GraphQLField<unknown, unknown> | undefined = type.getFields()[name];
      if (!definition) continue; // validated documents only select existing fields
      const named = namedType(definition.type);
      const coordinate = `${type.name}.${name}`;
      if (isCompositeType(named)) {
        const childSets = nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
        const child = new ShapeSelection(this.schema, named, childSets, this.fragments, this.conditions);
        const kind = FieldKind.Composite;
        fields.push({
          key,
          kind,
          completion: completionOf(definition.type),
          coordinate,
          nodes,
          leaf: null,
          child,
        });
      } else {
        fields.push(leafField(key, coordinate, definition.type, named, nodes));
      }
    }
    return fields;
  }

  private collect(
    type: ShapeType,
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
  private applies(condition: string, type: ShapeType): boolean {
    if (condition === type.name) return true;
    const conditionType = this.schema.getType(condition);
    return isAbstractType(conditionType) && this.schema.isSubType(conditionType, type);
  }
}
