import type { TypeIndex } from '../load/type-index.js';

/**
 * Merges a subgraph's answer into the data gathered so far. Objects merge key by key, lists of
 * the same length element by element (the same entities, other fields); anything else replaces.
 * A `__typename` only replaces an existing one with an object type: an @interfaceObject subgraph
 * answers with the interface's name, which must not hide the concrete type already known.
 *
 * A key holds one field's value: client aliases execute under gateway-owned `_vn_a<N>` keys
 * (client-keys.ts), so no client value shares a response key with a field the planner fetched
 * for itself (test/gateway/planner-key-renames.test.ts, alias-key-collision.test.ts).
 */
export function deepMerge(
  target: Record<string, unknown>,
  source: Record<string, unknown>,
  types: TypeIndex,
): void {
  for (const key in source) {
    if (key === '__proto__') continue;
    const incoming = source[key];
    if (incoming === undefined) continue;
    const existing = target[key];
    if (key === '__typename') {
      if (existing === undefined || types.objectTypes.has(incoming as string)) target[key] = incoming;
      continue;
    }
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
