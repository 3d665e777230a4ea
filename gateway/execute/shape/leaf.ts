import {
  GraphQLBoolean,
  type GraphQLEnumType,
  GraphQLFloat,
  GraphQLID,
  GraphQLInt,
  type GraphQLLeafType,
  GraphQLString,
  isEnumType,
  isSpecifiedScalarType,
} from 'graphql';

/** Which values a leaf type's `serialize` provably returns unchanged. */
export enum LeafCheck {
  /** A string (String, ID). */
  String = 0,
  /** An integer in [-2^31, 2^31) (Int). */
  Int = 1,
  /** A finite number (Float). */
  Float = 2,
  Boolean = 3,
  /** A name of the enum (an SDL-built enum's internal values are its names). */
  Enum = 4,
}

/**
 * CompleteValue for a leaf (GraphQL spec §6.4.3 → CoerceResult) is the type's own `serialize`,
 * exactly as graphql-js calls it: `"5"` for Int is 5, 7 for ID is "7", 2^40 for Int and an
 * unknown enum value throw (graphql-js's message). The shaper first tests `check` inline — the
 * common case, a value `serialize` would return unchanged — and calls `serialize` only otherwise.
 */
export interface Leaf {
  readonly check: LeafCheck;
  readonly names: ReadonlySet<string> | null;
  readonly serialize: (value: unknown) => unknown;
}

const leaf = (check: LeafCheck, serialize: (value: unknown) => unknown): Leaf => ({
  check,
  names: null,
  serialize,
});

const BUILT_IN: Readonly<Record<string, Leaf>> = {
  String: leaf(LeafCheck.String, GraphQLString.serialize),
  ID: leaf(LeafCheck.String, GraphQLID.serialize),
  Int: leaf(LeafCheck.Int, GraphQLInt.serialize),
  Float: leaf(LeafCheck.Float, GraphQLFloat.serialize),
  Boolean: leaf(LeafCheck.Boolean, GraphQLBoolean.serialize),
};

const enums = new WeakMap<GraphQLEnumType, Leaf>();

/**
 * A leaf type's completion, resolved once per field at compile time; null for a custom scalar:
 * the supergraph declares no `serialize` for it (graphql-js's default is the identity), so its
 * value passes through as the subgraph sent it.
 */
export function leafOf(type: GraphQLLeafType): Leaf | null {
  if (isEnumType(type)) {
    let found = enums.get(type);
    if (!found) {
      const names = new Set(type.getValues().map((v) => v.name));
      found = { check: LeafCheck.Enum, names, serialize: (v) => type.serialize(v) };
      enums.set(type, found);
    }
    return found;
  }
  return isSpecifiedScalarType(type) ? (BUILT_IN[type.name] ?? null) : null;
}

/** True when `serialize` would return `value` itself (then the shaper skips the call). */
export function unchanged(leaf: Leaf, value: unknown): boolean {
  switch (leaf.check) {
    case LeafCheck.String:
      return typeof value === 'string';
    case LeafCheck.Int:
      // Exactly the integers in [-2^31, 2^31) (and -0), which GraphQLInt.serialize returns as is.
      return typeof value === 'number' && (value | 0) === value;
    case LeafCheck.Float:
      return typeof value === 'number' && Number.isFinite(value);
    case LeafCheck.Boolean:
      return typeof value === 'boolean';
    default:
      return typeof value === 'string' && leaf.names!.has(value);
  }
}
