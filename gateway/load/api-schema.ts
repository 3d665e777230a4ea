import {
  assertValidSchema,
  buildASTSchema,
  type DefinitionNode,
  type DocumentNode,
  type GraphQLSchema,
  Kind,
  parse,
  specifiedDirectives,
  specifiedScalarTypes,
} from 'graphql';

const BUILT_IN_DIRECTIVES = new Set(specifiedDirectives.map((d) => d.name));
const BUILT_IN_SCALARS = new Set(specifiedScalarTypes.map((t) => t.name));
/** Supergraph machinery that must never reach clients (join spec, link spec). */
const MACHINERY = /^(join__|link__)/;

/**
 * The API schema clients see, from the planner's `consumerSchema`. The planner already removed
 * `@inaccessible` parts (federation spec, "@inaccessible"), but its text is not an SDL graphql-js
 * accepts: it declares `__schema`/`__type` on Query and the introspection types (names starting
 * with "__" are reserved, GraphQL spec §3 "Names"), and it leaks join__* helper types. We drop those
 * and the built-in scalars/directives (graphql-js adds its own), keeping every description.
 */
export function buildApiSchema(consumerSchemaSdl: string): GraphQLSchema {
  const document = parse(consumerSchemaSdl, { noLocation: true });
  const definitions: DefinitionNode[] = [];
  for (const definition of document.definitions) {
    const cleaned = cleanDefinition(definition);
    if (cleaned) definitions.push(cleaned);
  }
  const schema = buildASTSchema({ kind: Kind.DOCUMENT, definitions } as DocumentNode, {
    assumeValidSDL: false,
  });
  assertValidSchema(schema);
  return schema;
}

function cleanDefinition(definition: DefinitionNode): DefinitionNode | undefined {
  switch (definition.kind) {
    case Kind.DIRECTIVE_DEFINITION:
      return BUILT_IN_DIRECTIVES.has(definition.name.value) || MACHINERY.test(definition.name.value)
        ? undefined
        : definition;
    case Kind.SCALAR_TYPE_DEFINITION:
      return hidden(definition.name.value) || BUILT_IN_SCALARS.has(definition.name.value)
        ? undefined
        : definition;
    case Kind.OBJECT_TYPE_DEFINITION:
    case Kind.INTERFACE_TYPE_DEFINITION:
      if (hidden(definition.name.value)) return undefined;
      return { ...definition, fields: definition.fields?.filter((f) => !f.name.value.startsWith('__')) };
    case Kind.UNION_TYPE_DEFINITION:
    case Kind.ENUM_TYPE_DEFINITION:
    case Kind.INPUT_OBJECT_TYPE_DEFINITION:
      return hidden(definition.name.value) ? undefined : definition;
    default:
      return definition;
  }
}

function hidden(name: string): boolean {
  return name.startsWith('__') || MACHINERY.test(name);
}
