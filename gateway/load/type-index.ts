import { type DocumentNode, Kind } from 'graphql';

/**
 * Which object types satisfy a type condition, from the supergraph (not the API schema: plans may
 * traverse types hidden from clients). An object type satisfies a condition naming itself, an
 * interface it implements, or a union it belongs to (GraphQL spec §5.5.2.3 "Fragment spread is
 * possible"). Built once per loaded supergraph; lookups are Set membership on the hot path.
 */
export class TypeIndex {
  readonly objectTypes = new Set<string>();
  private readonly possible = new Map<string, Set<string>>();

  constructor(supergraph: DocumentNode) {
    for (const definition of supergraph.definitions) {
      if (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) {
        const name = definition.name.value;
        this.objectTypes.add(name);
        for (const iface of definition.interfaces ?? []) this.add(iface.name.value, name);
      } else if (
        definition.kind === Kind.UNION_TYPE_DEFINITION ||
        definition.kind === Kind.UNION_TYPE_EXTENSION
      ) {
        for (const member of definition.types ?? []) this.add(definition.name.value, member.name.value);
      }
    }
  }

  /** True when an object of type `typename` matches `condition`. */
  satisfies(typename: string, condition: string): boolean {
    return typename === condition || this.possible.get(condition)?.has(typename) === true;
  }

  satisfiesAny(typename: string, conditions: readonly string[]): boolean {
    for (const condition of conditions) if (this.satisfies(typename, condition)) return true;
    return false;
  }

  private add(abstract: string, object: string): void {
    let set = this.possible.get(abstract);
    if (!set) {
      set = new Set();
      this.possible.set(abstract, set);
    }
    set.add(object);
  }
}
