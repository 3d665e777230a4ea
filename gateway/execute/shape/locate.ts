import { type FieldNode, GraphQLError } from 'graphql';
import type { ShapeField, ShapeSelection } from './compile.js';

/**
 * The client's field nodes for an error at a response path: those of the field the path's last
 * response key names (an index after it is an item of that field's list). graphql-js locates a
 * field error with the nodes of the field being completed (`locatedError(error, fieldNodes,
 * path)`, GraphQL spec §7.1.2 "locations"). Undefined when the path leaves the client's
 * operation (then the error stays without locations).
 */
export function fieldNodesAt(
  root: ShapeSelection,
  data: unknown,
  path: ReadonlyArray<string | number>,
): readonly FieldNode[] | undefined {
  let selection: ShapeSelection | null = root;
  let value = data;
  let nodes: readonly FieldNode[] | undefined;
  for (const segment of path) {
    if (typeof segment === 'number') {
      value = Array.isArray(value) ? value[segment] : undefined;
      continue;
    }
    const field: ShapeField | undefined = selection?.fieldAt(segment, value);
    if (!field) return undefined;
    nodes = field.nodes;
    selection = field.child;
    value =
      value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
  }
  return nodes;
}

/**
 * Errors raised outside response shaping (subgraph errors relocated to client paths, failed
 * fetches placed at a path, authorisation errors) get the `locations` graphql-js would give them.
 */
export function locateErrors(
  root: ShapeSelection,
  data: unknown,
  errors: readonly GraphQLError[],
): GraphQLError[] {
  return errors.map((error) => {
    if (error.locations || !error.path || error.path.length === 0) return error;
    const nodes = fieldNodesAt(root, data, error.path);
    if (!nodes || nodes.length === 0 || !nodes[0]!.loc) return error;
    return new GraphQLError(error.message, {
      nodes,
      path: error.path,
      ...(error.originalError ? { originalError: error.originalError } : {}),
      extensions: error.extensions,
    });
  });
}
