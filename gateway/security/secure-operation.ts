import {
  type DocumentNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { filterOperation } from './access-filter.js';
import type { Identity } from './identity.js';
import type { AccessMarkings } from './markings.js';
import { injectRegionKeys, type ScopedType } from './region-scope.js';
import type { SecuredOperation } from './secured-operation.js';

/**
 * Security's rewrite of one operation before planning (cached with the plan, per authorisation
 * state): remove what the caller may not see, add the keys region scoping reads.
 */
export function secureOperation(
  schema: GraphQLSchema,
  markings: AccessMarkings,
  scoped: readonly ScopedType[],
  identity: Identity,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): SecuredOperation {
  const filtered = filterOperation(schema, markings, identity, document, operation);
  const injected = injectRegionKeys(schema, scoped, filtered.document, filtered.operation);
  return {
    document: injected.document,
    operation: injected.operation,
    removed: filtered.removed,
    scoped: injected.selected,
    sensitive: sensitiveCoordinates(schema, markings, filtered.document),
  };
}

/** Marked coordinates selected anywhere in a document (operation and fragments), sorted. */
function sensitiveCoordinates(
  schema: GraphQLSchema,
  markings: AccessMarkings,
  document: DocumentNode,
): string[] {
  const found = new Set<string>();
  const visit = (set: SelectionSetNode, parent: GraphQLCompositeType) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
        const field = parent.getFields()[s.name.value];
        if (!field) continue;
        const named = getNamedType(field.type);
        if (markings.isSensitiveField(parent.name, s.name.value, named.name))
          found.add(`${parent.name}.${s.name.value}`);
        if (s.selectionSet && isCompositeType(named)) visit(s.selectionSet, named);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        const type = s.typeCondition ? schema.getType(s.typeCondition.name.value) : parent;
        visit(s.selectionSet, isCompositeType(type) ? type : parent);
      }
    }
  };
  for (const d of document.definitions) {
    if (d.kind === Kind.OPERATION_DEFINITION) {
      const root = schema.getRootType(d.operation);
      if (root) visit(d.selectionSet, root);
    } else if (d.kind === Kind.FRAGMENT_DEFINITION) {
      const type = schema.getType(d.typeCondition.name.value);
      if (isCompositeType(type)) visit(d.selectionSet, type);
    }
  }
  return [...found].sort();
}
