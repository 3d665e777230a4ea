import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../core/errors.js';
import { typenameOf } from '../execute/shape/runtime-type.js';
import type { TypeIndex } from '../load/type-index.js';
import type { RemovedField } from './access-filter.js';

/**
 * Places the fields removed before planning into the response: at every position where their
 * parent object exists, the field is null with an UNAUTHORIZED/FORBIDDEN error at its path
 * (list indices filled in from the data). Response shaping then propagates nulls as usual.
 */
export function authorisationErrors(
  data: Record<string, unknown>,
  removed: readonly RemovedField[],
  types: TypeIndex,
): GraphQLError[] {
  const errors: GraphQLError[] = [];
  for (const field of removed) {
    const error = (path: Array<string | number>) =>
      errors.push(
        new GraphQLError(message(field), {
          path,
          extensions: {
            code: field.denial === 'UNAUTHORIZED' ? ErrorCode.UNAUTHORIZED : ErrorCode.FORBIDDEN,
          },
        }),
      );
    place(data, field, 0, [], error, types);
  }
  return errors;
}

function message(field: RemovedField): string {
  return field.denial === 'UNAUTHORIZED'
    ? `${field.coordinate} requires authentication (a valid bearer token).`
    : `${field.coordinate} requires a scope the caller does not have.`;
}

function place(
  node: unknown,
  field: RemovedField,
  depth: number,
  path: Array<string | number>,
  error: (path: Array<string | number>) => void,
  types: TypeIndex,
): void {
  if (node === null || node === undefined) return;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) place(node[i], field, depth, [...path, i], error, types);
    return;
  }
  if (typeof node !== 'object') return;
  const object = node as Record<string, unknown>;
  const key = field.path[depth]!;
  if (depth === field.path.length - 1) {
    // The type the subgraphs answered, even where a client alias took `__typename`.
    const typename = typenameOf(object);
    // A field under a type condition exists only on objects of that type.
    if (
      field.typeCondition &&
      typeof typename === 'string' &&
      !types.satisfies(typename, field.typeCondition)
    )
      return;
    delete object[key];
    error([...path, key]);
    return;
  }
  place(object[key], field, depth + 1, [...path, key], error, types);
}
