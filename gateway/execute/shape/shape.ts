import { GraphQLError, type GraphQLObjectType } from 'graphql';
import {
  type Completion,
  FieldKind,
  type ShapeField,
  type ShapeSelection,
  type ShapeType,
} from './compile.js';
import { Coverage } from './coverage.js';
import { type Leaf, unchanged } from './leaf.js';
import { typenameOf } from './runtime-type.js';

/** Marks a null in a non-null position that propagates to the parent (GraphQL spec §6.4.4). */
const INVALID = Symbol('invalid');
type Shaped = unknown | typeof INVALID;

/** A failed entity fetch: the error every field it would have supplied raises. */
export interface FetchFailure {
  readonly error: GraphQLError;
  /** Set once a field position reported it. */
  reported: boolean;
}

export interface ShapeInput {
  readonly root: ShapeSelection;
  readonly data: Record<string, unknown>;
  /** Root introspection results by response key. */
  readonly introspection: Record<string, unknown> | null;
  /** Errors already raised (subgraph errors, relocated): value-completion errors are not
   *  added where one of these already covers the position. */
  readonly errors: readonly GraphQLError[];
  /** Entity objects a fetch failed for: their missing fields raise the fetch's error. */
  readonly failed: ReadonlyMap<object, FetchFailure>;
  /** Root response keys whose root fetch failed: missing, they raise the fetch's error. */
  readonly failedRoot?: ReadonlyMap<string, FetchFailure>;
  /** Positions a subgraph's own null propagation left null: its errors already explain them. */
  readonly explained?: ReadonlyArray<ReadonlyArray<string | number>>;
}

export interface ShapeResult {
  readonly data: Record<string, unknown> | null;
  readonly errors: GraphQLError[];
}

/**
 * Builds the client's response from the merged subgraph data in one pass, exactly as graphql-js
 * would complete it for the client's operation: response keys in selection order, aliases,
 * fragments, `__typename`, abstract types resolved from `__typename`, leaves serialised by their
 * type, and nulls in non-null positions propagated to the nearest nullable parent (§6.4.4).
 * Every error carries the client's field locations.
 */
export function shapeResponse(input: ShapeInput): ShapeResult {
  const shaper = new Shaper(input);
  const rootType = input.root.parentType as GraphQLObjectType;
  const data = shaper.object(input.data, input.root, rootType);
  return { data: data === INVALID ? null : (data as Record<string, unknown>), errors: shaper.errors };
}

class Shaper {
  readonly errors: GraphQLError[] = [];
  private readonly path: Array<string | number> = [];
  private readonly coverage: Coverage;

  constructor(private readonly input: ShapeInput) {
    this.coverage = new Coverage(input.errors, input.explained);
  }

  object(raw: Record<string, unknown>, selection: ShapeSelection, type: ShapeType): Shaped {
    const fields = selection.fieldsFor(type);
    const out: Record<string, unknown> = {};
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i]!;
      if (field.kind === FieldKind.Typename) {
        out[field.key] = type.name;
        continue;
      }
      this.path.push(field.key);
      let value: Shaped;
      if (field.kind === FieldKind.Introspection) value = this.input.introspection?.[field.key] ?? null;
      else {
        const rawValue = raw[field.key];
        const failure = rawValue === undefined ? this.failureOf(raw, field.key) : undefined;
        value = failure ? this.failedField(failure, field) : this.complete(rawValue, field, field.completion);
      }
      this.path.pop();
      if (value === INVALID) return INVALID;
      out[field.key] = value;
    }
    return out;
  }

  /** The failed fetch that would have supplied a missing field, if any. */
  private failureOf(raw: Record<string, unknown>, key: string): FetchFailure | undefined {
    if (raw === this.input.data) {
      const root = this.input.failedRoot?.get(key);
      if (root) return root;
    }
    return this.input.failed.get(raw);
  }

  private complete(value: unknown, field: ShapeField, completion: Completion): Shaped {
    if (value === null || value === undefined) return this.nullValue(field, completion);
    if (completion.item) {
      if (!Array.isArray(value)) {
        return this.fail(
          field,
          completion,
          `Expected Iterable, but did not find one for field "${field.coordinate}".`,
        );
      }
      const items = new Array(value.length);
      for (let i = 0; i < value.length; i++) {
        this.path.push(i);
        const item = this.complete(value[i], field, completion.item);
        this.path.pop();
        if (item === INVALID) return completion.nonNull ? INVALID : null;
        items[i] = item;
      }
      return items;
    }
    if (field.kind === FieldKind.Leaf) {
      const leaf = field.leaf;
      return leaf === null || unchanged(leaf, value) ? value : this.serialize(leaf, value, field, completion);
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      return this.fail(field, completion, `Expected an object for ${field.coordinate}.`);
    }
    const selection = field.child!;
    const raw = value as Record<string, unknown>;
    const type: ShapeType | undefined = selection.isAbstract
      ? (selection.runtimeTypeOf(raw) ?? selection.uniformType(typenameOf(raw)))
      : (selection.parentType as GraphQLObjectType);
    if (!type) {
      return this.fail(
        field,
        completion,
        `Abstract type ${selection.parentType.name} must resolve to an object type at runtime for ${field.coordinate}.`,
      );
    }
    const shaped = this.object(raw, selection, type);
    return shaped === INVALID ? (completion.nonNull ? INVALID : null) : shaped;
  }

  /** CoerceResult of a value `serialize` changes or refuses (graphql-js's error message). */
  private serialize(leaf: Leaf, value: unknown, field: ShapeField, completion: Completion): Shaped {
    try {
      return leaf.serialize(value);
    } catch (error) {
      return this.fail(field, completion, error instanceof Error ? error.message : String(error));
    }
  }

  private nullValue(field: ShapeField, completion: Completion): Shaped {
    if (!completion.nonNull) return null;
    if (!this.coverage.covers(this.path)) {
      this.errors.push(this.error(field, `Cannot return null for non-nullable field ${field.coordinate}.`));
    }
    return INVALID;
  }

  /**
   * A field the failed fetch would have supplied: graphql-js semantics of a resolver that threw
   * (§6.4.4 "Handling Field Errors") — the fetch's error at this field's position, and the
   * field is null (propagating when it is non-null). Not where an existing error already
   * explains the position.
   */
  private failedField(failure: FetchFailure, field: ShapeField): Shaped {
    if (!this.coverage.covers(this.path)) {
      const { message, extensions } = failure.error;
      this.errors.push(new GraphQLError(message, { nodes: field.nodes, path: [...this.path], extensions }));
      failure.reported = true;
    }
    return field.completion.nonNull ? INVALID : null;
  }

  private fail(field: ShapeField, completion: Completion, message: string): Shaped {
    this.errors.push(this.error(field, message));
    return completion.nonNull ? INVALID : null;
  }

  /** A value-completion error, located at the client's field nodes as graphql-js locates it. */
  private error(field: ShapeField, message: string): GraphQLError {
    return new GraphQLError(message, {
      nodes: field.nodes,
      path: [...this.path],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  }
}
