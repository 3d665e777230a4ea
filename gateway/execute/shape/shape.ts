import { GraphQLError, type GraphQLObjectType } from 'graphql';
import { type Completion, FieldKind, type ShapeField, type ShapeSelection } from './compile.js';

/** Marks a null in a non-null position that propagates to the parent (GraphQL spec §6.4.4). */
const INVALID = Symbol('invalid');
type Shaped = unknown | typeof INVALID;

export interface ShapeInput {
  readonly root: ShapeSelection;
  readonly data: Record<string, unknown>;
  /** Root introspection results by response key. */
  readonly introspection: Record<string, unknown> | null;
  /** Errors already raised (subgraph errors, relocated): value-completion errors are not
   *  added where one of these already covers the position. */
  readonly errors: readonly GraphQLError[];
  /** When a fetch failed without a precise position, its missing values are not reported again. */
  readonly suppressCompletionErrors: boolean;
}

export interface ShapeResult {
  readonly data: Record<string, unknown> | null;
  readonly errors: GraphQLError[];
}

/**
 * Builds the client's response from the merged subgraph data in one pass, exactly as graphql-js
 * would complete it for the client's operation: response keys in selection order, aliases,
 * fragments, `__typename`, abstract types resolved from `__typename`, enum values checked, and
 * nulls in non-null positions propagated to the nearest nullable parent (§6.4.4).
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
  private covered: Set<string> | null = null;

  constructor(private readonly input: ShapeInput) {}

  object(raw: Record<string, unknown>, selection: ShapeSelection, type: GraphQLObjectType): Shaped {
    const fields = selection.fieldsFor(type);
    const out: Record<string, unknown> = {};
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i]!;
      if (field.kind === FieldKind.Typename) {
        out[field.key] = type.name;
        continue;
      }
      this.path.push(field.key);
      const value =
        field.kind === FieldKind.Introspection
          ? (this.input.introspection?.[field.key] ?? null)
          : this.complete(raw[field.key], field, field.completion);
      this.path.pop();
      if (value === INVALID) return INVALID;
      out[field.key] = value;
    }
    return out;
  }

  private complete(value: unknown, field: ShapeField, completion: Completion): Shaped {
    if (value === null || value === undefined) return this.nullValue(field, completion);
    if (completion.item) {
      if (!Array.isArray(value)) return this.fail(completion, `Expected a list for ${field.coordinate}.`);
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
    switch (field.kind) {
      case FieldKind.Leaf:
        return value;
      case FieldKind.Enum:
        if (typeof value === 'string' && field.enumValues!.has(value)) return value;
        return this.fail(
          completion,
          `Enum value ${JSON.stringify(value)} is not valid for ${field.coordinate}.`,
        );
      default: {
        if (typeof value !== 'object' || Array.isArray(value)) {
          return this.fail(completion, `Expected an object for ${field.coordinate}.`);
        }
        const selection = field.child!;
        const raw = value as Record<string, unknown>;
        const type = selection.isAbstract
          ? (selection.runtimeTypeOf(raw) ?? selection.uniformType(raw.__typename))
          : (selection.parentType as GraphQLObjectType);
        if (!type) {
          return this.fail(
            completion,
            `Abstract type ${selection.parentType.name} must resolve to an object type at runtime for ${field.coordinate}.`,
          );
        }
        const shaped = this.object(raw, selection, type);
        return shaped === INVALID ? (completion.nonNull ? INVALID : null) : shaped;
      }
    }
  }

  private nullValue(field: ShapeField, completion: Completion): Shaped {
    if (!completion.nonNull) return null;
    if (!this.isCovered()) {
      this.errors.push(
        new GraphQLError(`Cannot return null for non-nullable field ${field.coordinate}.`, {
          path: [...this.path],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        }),
      );
    }
    return INVALID;
  }

  private fail(completion: Completion, message: string): Shaped {
    this.errors.push(
      new GraphQLError(message, { path: [...this.path], extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
    );
    return completion.nonNull ? INVALID : null;
  }

  /** An existing error at this position, below it or above it already explains the null. */
  private isCovered(): boolean {
    if (this.input.suppressCompletionErrors) return true;
    if (this.input.errors.length === 0) return false;
    if (!this.covered) {
      this.covered = new Set();
      for (const error of this.input.errors) {
        const p = error.path ?? [];
        for (let i = 1; i <= p.length; i++) this.covered.add(p.slice(0, i).join('\u0000'));
      }
    }
    if (this.covered.has(this.path.join('\u0000'))) return true;
    for (const error of this.input.errors) {
      const p = error.path;
      if (p && p.length < this.path.length && p.every((s, i) => s === this.path[i])) return true;
    }
    return false;
  }
}
