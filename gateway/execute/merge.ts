import type { TypeIndex } from '../load/type-index.js';
import { keepPlannerValue, plannerValues } from './planner-values.js';

/**
 * Merges a subgraph's answer into the data gathered so far. Objects merge key by key, lists of
 * the same length element by element (the same entities, other fields); anything else replaces.
 * A `__typename` only replaces an existing one with an object type: an @interfaceObject subgraph
 * answers with the interface's name, which must not hide the concrete type already known.
 *
 * A key can hold two fields' values: the client's alias of one field and the planner's own field
 * of that name (planner-values.ts). The client's value goes to the key, the planner's is kept
 * aside, and neither overwrites the other: an answer carrying a kept value brings it along; the
 * planner's field fetched again (its kept value) leaves the client's value alone; an answer
 * replacing a different non-null value (a later fetch answering the client's alias) keeps the
 * value it replaces as the planner's.
 */
export function deepMerge(
  target: Record<string, unknown>,
  source: Record<string, unknown>,
  types: TypeIndex,
): void {
  const carried = plannerValues(source);
  const kept = plannerValues(target);
  for (const key in source) {
    if (key === '__proto__') continue;
    const incoming = source[key];
    if (incoming === undefined) continue;
    const existing = target[key];
    if (key === '__typename') {
      if (existing === undefined || types.objectTypes.has(incoming as string)) target[key] = incoming;
      continue;
    }
    if (carried && key in carried) keepPlannerValue(target, key, carried[key]);
    else if (kept && key in kept) {
      if (sameLeaf(incoming, kept[key])) continue;
    } else if (replacesLeaf(existing, incoming)) keepPlannerValue(target, key, existing);
    if (
      existing !== null &&
      typeof existing === 'object' &&
      incoming !== null &&
      typeof incoming === 'object'
    ) {
      if (Array.isArray(existing)) {
        if (Array.isArray(incoming) && existing.length === incoming.length)
          mergeLists(existing, incoming, types);
        else target[key] = incoming;
      } else if (!Array.isArray(incoming)) {
        deepMerge(existing as Record<string, unknown>, incoming as Record<string, unknown>, types);
      } else target[key] = incoming;
    } else target[key] = incoming;
  }
}

function mergeLists(target: unknown[], source: unknown[], types: TypeIndex): void {
  for (let i = 0; i < source.length; i++) {
    const existing = target[i];
    const incoming = source[i];
    if (
      existing !== null &&
      typeof existing === 'object' &&
      incoming !== null &&
      typeof incoming === 'object'
    ) {
      if (Array.isArray(existing) && Array.isArray(incoming) && existing.length === incoming.length) {
        mergeLists(existing, incoming, types);
      } else if (!Array.isArray(existing) && !Array.isArray(incoming)) {
        deepMerge(existing as Record<string, unknown>, incoming as Record<string, unknown>, types);
      } else target[i] = incoming;
    } else if (incoming !== undefined) target[i] = incoming;
  }
}

function isLeaf(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

/** Equal leaf values (scalars, enums; a key field's value is one). */
function sameLeaf(a: unknown, b: unknown): boolean {
  return isLeaf(a) && a === b;
}

/** `incoming` replaces a different non-null value where one of the two is a leaf. */
function replacesLeaf(existing: unknown, incoming: unknown): boolean {
  if (existing === undefined || existing === null || existing === incoming) return false;
  return isLeaf(existing) || isLeaf(incoming);
}
