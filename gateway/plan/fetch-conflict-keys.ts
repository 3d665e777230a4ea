import type { FetchNodePathSegment, FetchRewrite } from '@graphql-hive/router-query-planner';
import { type FieldNode, Kind, type SelectionNode, type SelectionSetNode, type TypeNode } from 'graphql';
import type { SubgraphTypes } from '../load/subgraph-types.js';
import { SHAPE_ALIAS_PREFIX } from './reserved-names.js';

/*
 * The selection-set half of plan/fetch-conflicts.ts (its doc comment says why): GraphQL spec
 * §5.3.2 SameResponseShape over one fetch whose fragments are inlined, aliasing the fields that
 * fail it under mutually exclusive object types and recording a KeyRenamer back for each.
 */

/** One field where it is selected: the type it is selected on and the path to its object. */
export interface Entry {
  readonly field: FieldNode;
  readonly parent: string;
  /** The type condition narrowing the object's type at this field, if any (a TypenameEquals). */
  readonly guard: string | null;
  readonly path: readonly FetchNodePathSegment[];
  /** The selection set of the object (where `__typename` must be for the guard to apply). */
  readonly owner: SelectionSetNode;
  /** The selection sets of the objects above whose guards the path holds. */
  readonly owners: readonly SelectionSetNode[];
}

export interface Group {
  readonly set: SelectionSetNode;
  readonly type: string;
  readonly path: readonly FetchNodePathSegment[];
  readonly owners: readonly SelectionSetNode[];
}

export interface Context {
  readonly subgraph: string;
  readonly types: SubgraphTypes;
  readonly existing: readonly FetchRewrite[];
  readonly renames: FetchRewrite[];
  next(): number;
}

/** Checks one merged selection set (the sets of every field merged under one key) and below. */
export function checkMerged(groups: readonly Group[], context: Context): void {
  const byKey = new Map<string, Entry[]>();
  for (const group of groups) collect(group, group.type, null, group.set, byKey);
  for (const [key, entries] of byKey) {
    const typed = entries.map((entry) => ({
      entry,
      type: context.types.fieldType(context.subgraph, entry.parent, entry.field.name.value),
    }));
    if (typed.some((t) => t.type === undefined)) continue; // __typename, or a field we cannot judge
    const shapes = new Map<string, Array<{ entry: Entry; type: TypeNode }>>();
    for (const t of typed) {
      const shape = shapeOf(t.type!, context.types);
      const list = shapes.get(shape) ?? [];
      list.push(t as { entry: Entry; type: TypeNode });
      shapes.set(shape, list);
    }
    const final = finalKey(key, entries[0]!.path, context.existing);
    const classes = [...shapes.values()];
    if (classes.length > 1 && exclusive(classes, context.types)) {
      for (const members of classes.slice(1)) {
        const alias = `${SHAPE_ALIAS_PREFIX}${context.next()}`;
        for (const { entry } of members) {
          (entry.field as { alias?: FieldNode['alias'] }).alias = { kind: Kind.NAME, value: alias };
          for (const owner of guardOwners(entry)) ensureTypename(owner);
          context.renames.push({
            KeyRenamer: { path: [...guarded(entry), { Key: alias }], renameKeyTo: final },
          });
        }
      }
      for (const members of classes) recurse(members, final, context);
    } else {
      recurse(
        typed.filter((t) => t.type !== undefined) as Array<{ entry: Entry; type: TypeNode }>,
        final,
        context,
      );
    }
  }
}

/** The merged sub-selections of fields that keep one response key (`final` in paths below). */
function recurse(
  members: ReadonlyArray<{ entry: Entry; type: TypeNode }>,
  final: string,
  context: Context,
): void {
  const groups: Group[] = [];
  for (const { entry, type } of members) {
    if (!entry.field.selectionSet) continue;
    groups.push({
      set: entry.field.selectionSet,
      type: namedType(type),
      path: [...guarded(entry), { Key: final }],
      owners: guardOwners(entry),
    });
  }
  if (groups.length > 0) checkMerged(groups, context);
}

/** True when every two fields of different shapes are selected on two different object types. */
function exclusive(classes: ReadonlyArray<ReadonlyArray<{ entry: Entry }>>, types: SubgraphTypes): boolean {
  for (let i = 0; i < classes.length; i++)
    for (let j = i + 1; j < classes.length; j++)
      for (const a of classes[i]!)
        for (const b of classes[j]!) {
          const p = a.entry.parent;
          const q = b.entry.parent;
          if (p === q || !types.objectTypes.has(p) || !types.objectTypes.has(q)) return false;
        }
  return true;
}

/** SameResponseShape's view of a type: its list/non-null wrappers and, for a leaf, its name. */
function shapeOf(type: TypeNode, types: SubgraphTypes): string {
  if (type.kind === Kind.NON_NULL_TYPE) return `!${shapeOf(type.type, types)}`;
  if (type.kind === Kind.LIST_TYPE) return `[${shapeOf(type.type, types)}]`;
  return types.isLeaf(type.name.value) ? type.name.value : '{}';
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

/** Every selection set whose object a guard of the entry's rename path reads `__typename` of. */
function guardOwners(entry: Entry): readonly SelectionSetNode[] {
  return entry.guard === null ? entry.owners : [...entry.owners, entry.owner];
}

function guarded(entry: Entry): FetchNodePathSegment[] {
  return entry.guard === null ? [...entry.path] : [...entry.path, { TypenameEquals: [entry.guard] }];
}

/** Fields of a selection set by response key, through (inlined) fragments. */
function collect(
  group: Group,
  parent: string,
  guard: string | null,
  set: SelectionSetNode,
  into: Map<string, Entry[]>,
): void {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      const list = into.get(key) ?? [];
      list.push({
        field: selection,
        parent,
        guard,
        path: group.path,
        owner: group.set,
        owners: group.owners,
      });
      into.set(key, list);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition?.name.value ?? parent;
      collect(group, condition, condition === parent ? guard : condition, selection.selectionSet, into);
    }
  }
}

/**
 * The key a planner alias ends up under: its own KeyRenamer's target when one renames it at this
 * path (guards aside); otherwise the key itself.
 */
function finalKey(
  key: string,
  path: readonly FetchNodePathSegment[],
  existing: readonly FetchRewrite[],
): string {
  if (!key.startsWith('_internal_qp_alias_')) return key;
  const keys = [...path.flatMap((s) => ('Key' in s ? [s.Key] : [])), key];
  for (const rewrite of existing) {
    if (!('KeyRenamer' in rewrite)) continue;
    const theirs = rewrite.KeyRenamer.path.flatMap((s) => ('Key' in s ? [s.Key] : []));
    if (theirs.length === keys.length && theirs.every((k, i) => k === keys[i]))
      return rewrite.KeyRenamer.renameKeyTo;
  }
  return key;
}

/** The guard reads `__typename`: the planner selects it on abstract types, but make sure. */
function ensureTypename(set: SelectionSetNode): void {
  const has = set.selections.some(
    (s) => s.kind === Kind.FIELD && s.name.value === '__typename' && s.alias === undefined,
  );
  if (!has)
    (set.selections as SelectionNode[]).unshift({
      kind: Kind.FIELD,
      name: { kind: Kind.NAME, value: '__typename' },
    });
}
