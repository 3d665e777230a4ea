import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Identity } from './identity.js';
import { type AccessMarkings, type Denial, deny } from './markings.js';

/** A field removed from an operation before planning, with its response path (keys only). */
export interface RemovedField {
  readonly path: readonly string[];
  readonly coordinate: string;
  readonly denial: Denial;
  /** Type condition of the fragment it sat in, when narrower than its parent field's type. */
  readonly typeCondition: string | null;
}

export interface FilteredOperation {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  readonly removed: readonly RemovedField[];
}

/** Bounds the expanded walk that records response paths (fragment spreads can multiply it). */
const MAX_VISITS = 100_000;

/**
 * Removes every field the caller may not see from an operation, before it is planned: fields
 * marked on themselves or on the type they return, and fragments on marked types. Empty
 * selection sets keep `__typename` so the document stays valid. The removed fields are answered
 * null with UNAUTHORIZED/FORBIDDEN at their paths (authorisation-errors.ts); the rest runs.
 */
export function filterOperation(
  schema: GraphQLSchema,
  markings: AccessMarkings,
  identity: Identity,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): FilteredOperation {
  const scopes = new Set(identity.scopes);
  const root = schema.getRootType(operation.operation);
  if (!root || !markings.any) return { document, operation, removed: [] };
  const fieldDenial = (parent: GraphQLCompositeType, node: FieldNode): Denial | null => {
    if (node.name.value.startsWith('__') || (!isObjectType(parent) && !isInterfaceType(parent))) return null;
    const definition = parent.getFields()[node.name.value];
    if (!definition) return null;
    const named = getNamedType(definition.type).name;
    return deny(
      identity.authenticated,
      scopes,
      markings.field(parent.name, node.name.value),
      markings.type(named),
    );
  };
  const conditionDenial = (condition: string | undefined): Denial | null =>
    condition ? deny(identity.authenticated, scopes, markings.type(condition)) : null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  // 1. Record removed response paths, walking the operation with fragments expanded.
  const removed: RemovedField[] = [];
  let visits = 0;
  const record = (
    set: SelectionSetNode,
    parent: GraphQLCompositeType,
    path: string[],
    condition: string | null,
    active: Set<string>,
  ) => {
    for (const s of set.selections) {
      if (++visits > MAX_VISITS) throw new Error('operation too large to authorise');
      if (s.kind === Kind.FIELD) {
        const key = s.alias?.value ?? s.name.value;
        const denial = fieldDenial(parent, s);
        if (denial) {
          removed.push({
            path: [...path, key],
            coordinate: `${parent.name}.${s.name.value}`,
            denial,
            typeCondition: condition,
          });
          continue;
        }
        const child = childType(parent, s);
        if (child && s.selectionSet) record(s.selectionSet, child, [...path, key], null, active);
        continue;
      }
      const name = s.kind === Kind.INLINE_FRAGMENT ? s.typeCondition?.name.value : undefined;
      const fragment = s.kind === Kind.FRAGMENT_SPREAD ? fragments.get(s.name.value) : undefined;
      if (s.kind === Kind.FRAGMENT_SPREAD && (!fragment || active.has(s.name.value))) continue;
      const conditionName = fragment ? fragment.typeCondition.name.value : name;
      const inner = fragment ? fragment.selectionSet : (s as { selectionSet: SelectionSetNode }).selectionSet;
      const type = conditionName ? schema.getType(conditionName) : parent;
      const innerParent = isCompositeType(type) ? type : parent;
      const nextCondition = conditionName && conditionName !== parent.name ? conditionName : condition;
      if (conditionDenial(conditionName)) {
        // A fragment on a marked type: each of its fields is removed.
        for (const f of inner.selections) {
          if (f.kind !== Kind.FIELD) continue;
          const key = f.alias?.value ?? f.name.value;
          removed.push({
            path: [...path, key],
            coordinate: `${conditionName}.${f.name.value}`,
            denial: conditionDenial(conditionName)!,
            typeCondition: nextCondition,
          });
        }
        continue;
      }
      if (fragment) active.add(fragment.name.value);
      record(inner, innerParent, path, nextCondition, active);
      if (fragment) active.delete(fragment.name.value);
    }
  };
  record(operation.selectionSet, root, [], null, new Set());
  if (removed.length === 0) return { document, operation, removed };

  // 2. Rewrite the document: fragment definitions are filtered once (coordinates do not depend
  // on where a fragment is spread), unused fragments are dropped.
  const filterSet = (set: SelectionSetNode, parent: GraphQLCompositeType): SelectionSetNode => {
    const selections: SelectionNode[] = [];
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (fieldDenial(parent, s)) continue;
        const child = childType(parent, s);
        selections.push(
          s.selectionSet && child ? { ...s, selectionSet: filterSet(s.selectionSet, child) } : s,
        );
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        const conditionName = s.typeCondition?.name.value;
        if (conditionDenial(conditionName)) continue;
        const type = conditionName ? schema.getType(conditionName) : parent;
        selections.push({
          ...s,
          selectionSet: filterSet(s.selectionSet, isCompositeType(type) ? type : parent),
        });
      } else {
        const fragment = fragments.get(s.name.value);
        if (fragment && conditionDenial(fragment.typeCondition.name.value)) continue;
        selections.push(s);
      }
    }
    if (selections.length === 0) selections.push(TYPENAME);
    return { ...set, selections };
  };
  const newFragments = new Map<string, FragmentDefinitionNode>();
  for (const [name, f] of fragments) {
    if (conditionDenial(f.typeCondition.name.value)) continue;
    const type = schema.getType(f.typeCondition.name.value);
    if (!isCompositeType(type)) continue;
    newFragments.set(name, { ...f, selectionSet: filterSet(f.selectionSet, type) });
  }
  const newOperation: OperationDefinitionNode = {
    ...operation,
    selectionSet: filterSet(operation.selectionSet, root),
  };
  const used = usedFragments(newOperation.selectionSet, newFragments);
  return {
    document: {
      kind: Kind.DOCUMENT,
      definitions: [newOperation, ...[...newFragments.values()].filter((f) => used.has(f.name.value))],
    },
    operation: newOperation,
    removed,
  };
}

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

function childType(parent: GraphQLCompositeType, node: FieldNode): GraphQLCompositeType | undefined {
  if (!isObjectType(parent) && !isInterfaceType(parent)) return undefined;
  const definition = parent.getFields()[node.name.value];
  if (!definition) return undefined;
  const named = getNamedType(definition.type);
  return isCompositeType(named) ? named : undefined;
}

function usedFragments(
  set: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): Set<string> {
  const used = new Set<string>();
  const visit = (s: SelectionSetNode) => {
    for (const sel of s.selections) {
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        if (used.has(sel.name.value)) continue;
        used.add(sel.name.value);
        const f = fragments.get(sel.name.value);
        if (f) visit(f.selectionSet);
      } else if (sel.selectionSet) visit(sel.selectionSet);
    }
  };
  visit(set);
  return used;
}
