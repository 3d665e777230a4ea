import { type DocumentNode, Kind, parseType, type StringValueNode, type TypeNode } from 'graphql';

const BUILT_IN_SCALARS = ['String', 'Int', 'Float', 'Boolean', 'ID'];

/**
 * Field types as each subgraph declares them, read from the supergraph: a field's type is the
 * supergraph's unless its `@join__field(graph: G, type: "…")` names another for subgraph G (the
 * join spec records it when the subgraphs disagree, e.g. `String!` in one and `String` in
 * another; https://specs.apollo.dev/join/v0.3). Subgraphs are named by `@join__graph(name:)`, as
 * plans name them. Built once per loaded supergraph (plan/fetch-conflicts.ts reads it per plan).
 */
export class SubgraphTypes {
  private readonly fields = new Map<string, TypeNode>();
  private readonly overrides = new Map<string, TypeNode>();
  private readonly leaves = new Set<string>(BUILT_IN_SCALARS);
  readonly objectTypes = new Set<string>();
  readonly rootTypes = new Map<string, string>([
    ['query', 'Query'],
    ['mutation', 'Mutation'],
    ['subscription', 'Subscription'],
  ]);

  constructor(supergraph: DocumentNode) {
    const graphs = graphNames(supergraph);
    for (const definition of supergraph.definitions) {
      switch (definition.kind) {
        case Kind.SCHEMA_DEFINITION:
          for (const root of definition.operationTypes)
            this.rootTypes.set(root.operation, root.type.name.value);
          break;
        case Kind.SCALAR_TYPE_DEFINITION:
        case Kind.ENUM_TYPE_DEFINITION:
          this.leaves.add(definition.name.value);
          break;
        case Kind.OBJECT_TYPE_DEFINITION:
        case Kind.OBJECT_TYPE_EXTENSION:
        case Kind.INTERFACE_TYPE_DEFINITION:
        case Kind.INTERFACE_TYPE_EXTENSION: {
          const type = definition.name.value;
          if (
            definition.kind === Kind.OBJECT_TYPE_DEFINITION ||
            definition.kind === Kind.OBJECT_TYPE_EXTENSION
          )
            this.objectTypes.add(type);
          for (const field of definition.fields ?? []) {
            this.fields.set(`${type}.${field.name.value}`, field.type);
            for (const directive of field.directives ?? []) {
              if (directive.name.value !== 'join__field') continue;
              const arg = (name: string) => directive.arguments?.find((a) => a.name.value === name)?.value;
              const graph = arg('graph');
              const typed = arg('type') as StringValueNode | undefined;
              if (graph?.kind !== Kind.ENUM || typed?.kind !== Kind.STRING) continue;
              try {
                const name = graphs.get(graph.value) ?? graph.value;
                this.overrides.set(`${name}\u0000${type}.${field.name.value}`, parseType(typed.value));
              } catch {
                // A type string that does not parse: the supergraph's own type stands.
              }
            }
          }
          break;
        }
        default:
      }
    }
  }

  /**
   * False when every subgraph declares every field with the supergraph's type (the hub's): then
   * a fetch holds no conflict the client's validated operation did not have.
   */
  get differs(): boolean {
    return this.overrides.size > 0;
  }

  /** The type of `type.field` in `subgraph`; undefined when the supergraph has no such field. */
  fieldType(subgraph: string, type: string, field: string): TypeNode | undefined {
    return this.overrides.get(`${subgraph}\u0000${type}.${field}`) ?? this.fields.get(`${type}.${field}`);
  }

  /** True for scalars and enums (their values are compared by type name, not by selection). */
  isLeaf(type: string): boolean {
    return this.leaves.has(type);
  }
}

/** `join__Graph` enum value → subgraph name (`@join__graph(name:)`). */
function graphNames(supergraph: DocumentNode): Map<string, string> {
  const names = new Map<string, string>();
  for (const definition of supergraph.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      const directive = value.directives?.find((d) => d.name.value === 'join__graph');
      const name = directive?.arguments?.find((a) => a.name.value === 'name')?.value;
      names.set(value.name.value, name?.kind === Kind.STRING ? name.value : value.name.value.toLowerCase());
    }
  }
  return names;
}
