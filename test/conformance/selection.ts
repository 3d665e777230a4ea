import {
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isLeafType,
  isNonNullType,
} from 'graphql';

/**
 * A selection set over every field of `type` that can be queried without arguments (all
 * arguments optional), one level deep: leaves as they are, objects as `{ __typename }`.
 * Selecting an object field still runs its resolver, which is what the batching checks need.
 */
export function shallowSelection(type: GraphQLObjectType): string {
  return Object.values(type.getFields())
    .filter(
      (field) =>
        !field.name.startsWith('_') &&
        field.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined),
    )
    .map((field) => (isLeafType(getNamedType(field.type)) ? field.name : `${field.name} { __typename }`))
    .join(' ');
}

/** Entity types of a subgraph schema: object types with a @key directive in the SDL. */
export function entityTypeNames(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap())
    .filter(
      (type) =>
        type.astNode?.kind === 'ObjectTypeDefinition' &&
        type.astNode.directives?.some((d) => d.name.value === 'key'),
    )
    .map((type) => type.name)
    .sort();
}

export function rootListFieldsWithPaging(schema: GraphQLSchema): Array<GraphQLField<unknown, unknown>> {
  return Object.values(schema.getQueryType()?.getFields() ?? {}).filter((field) =>
    field.args.some((arg) => arg.name === 'first'),
  );
}
