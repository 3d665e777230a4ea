import {
  type FieldNode,
  type GraphQLNamedType,
  type GraphQLOutputType,
  isLeafType,
  isListType,
  isNonNullType,
} from 'graphql';
import type { ShapeSelection } from './compile.js';
import { type Leaf, leafOf } from './leaf.js';

/** How a field's value is completed (GraphQL spec §6.4.3 "Value Completion"). */
export enum FieldKind {
  Typename = 0,
  /** Scalars and enums: CoerceResult through the type's serializer. */
  Leaf = 1,
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
  /**
   * The client's field nodes merged under this response key (CollectFields): a field error's
   * `locations` are theirs, as graphql-js's `locatedError(error, fieldNodes, path)` gives them.
   */
  readonly nodes: readonly FieldNode[];
  /** Leaf fields: how the type serialises; null for a custom scalar (passes through). */
  readonly leaf: Leaf | null;
  readonly child: ShapeSelection | null;
}

export function metaField(
  key: string,
  kind: FieldKind,
  coordinate: string,
  nonNull: boolean,
  nodes: readonly FieldNode[],
): ShapeField {
  const completion = { nonNull, item: null };
  return { key, kind, completion, coordinate, nodes, leaf: null, child: null };
}

export function leafField(
  key: string,
  coordinate: string,
  type: GraphQLOutputType,
  named: GraphQLNamedType,
  nodes: readonly FieldNode[],
): ShapeField {
  const leaf = isLeafType(named) ? leafOf(named) : null;
  const completion = completionOf(type);
  return { key, kind: FieldKind.Leaf, completion, coordinate, nodes, leaf, child: null };
}

export function completionOf(type: GraphQLOutputType): Completion {
  if (isNonNullType(type)) return { ...completionOf(type.ofType), nonNull: true };
  if (isListType(type)) return { nonNull: false, item: completionOf(type.ofType) };
  return { nonNull: false, item: null };
}

export function namedType(type: GraphQLOutputType): GraphQLNamedType {
  let t = type;
  while (isNonNullType(t) || isListType(t)) t = t.ofType;
  return t;
}
