import type { FetchNodePathSegment, FetchRewrite } from '@graphql-hive/router-query-planner';
import type { TypeIndex } from '../load/type-index.js';

/**
 * Fetch rewrites from the plan (Apollo query plan `inputRewrites`/`outputRewrites`):
 * - ValueSetter: set a value, e.g. `__typename` to an @interfaceObject's interface name in a
 *   representation sent to a subgraph that only knows the interface (federation spec,
 *   "@interfaceObject");
 * - KeyRenamer: rename a key, e.g. an alias the planner invented to avoid a field conflict back
 *   to the client's response key.
 * Paths hold `{Key}` steps and `{TypenameEquals}` guards; lists are stepped through.
 *
 * A KeyRenamer's path names the keys above the renamed one by their final (client) names: for
 * `hospital { id: region { code: name … } }` the Hive planner emits
 * `hospital._internal_qp_alias_0 → id` and `hospital.id._internal_qp_alias_0 → code`, inner one
 * first. Renames therefore run outer first (fewer `Key` steps first, otherwise in plan order),
 * value setters after them.
 */
export function applyRewrites(
  value: unknown,
  rewrites: readonly FetchRewrite[] | undefined,
  types: TypeIndex,
): void {
  if (!rewrites) return;
  for (const rewrite of ordered(rewrites)) {
    if ('ValueSetter' in rewrite)
      apply(value, rewrite.ValueSetter.path, 0, types, { set: rewrite.ValueSetter.setValueTo });
    else if ('KeyRenamer' in rewrite)
      apply(value, rewrite.KeyRenamer.path, 0, types, { rename: rewrite.KeyRenamer.renameKeyTo });
    else if ((rewrite as { kind?: string }).kind === 'ValueSetter') {
      const setter = rewrite as unknown as { path: FetchNodePathSegment[]; setValueTo: string };
      apply(value, setter.path, 0, types, { set: setter.setValueTo });
    }
  }
}

type Action = { set: string } | { rename: string };

/** The rewrites in the order they apply, computed once per plan's rewrite list. */
const orders = new WeakMap<readonly FetchRewrite[], readonly FetchRewrite[]>();

function ordered(rewrites: readonly FetchRewrite[]): readonly FetchRewrite[] {
  let order = orders.get(rewrites);
  if (!order) {
    // Array.prototype.sort is stable (ECMAScript 2019): equal depths keep the plan's order.
    order = rewrites.length < 2 ? rewrites : [...rewrites].sort((a, b) => depth(a) - depth(b));
    orders.set(rewrites, order);
  }
  return order;
}

/** The number of `Key` steps of a KeyRenamer's path; value setters (named by final keys too) last. */
function depth(rewrite: FetchRewrite): number {
  if (!('KeyRenamer' in rewrite)) return Number.MAX_SAFE_INTEGER;
  let keys = 0;
  for (const segment of rewrite.KeyRenamer.path) if ('Key' in segment) keys++;
  return keys;
}

function apply(
  value: unknown,
  path: readonly FetchNodePathSegment[],
  at: number,
  types: TypeIndex,
  action: Action,
): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) apply(item, path, at, types, action);
    return;
  }
  const object = value as Record<string, unknown>;
  const segment = path[at];
  if (!segment) return;
  if ('TypenameEquals' in segment) {
    const typename = object.__typename;
    const names = Array.isArray(segment.TypenameEquals) ? segment.TypenameEquals : [segment.TypenameEquals];
    if (typeof typename === 'string' && types.satisfiesAny(typename, names as string[])) {
      apply(object, path, at + 1, types, action);
    }
    return;
  }
  const key = segment.Key;
  if (at < path.length - 1) {
    apply(object[key], path, at + 1, types, action);
    return;
  }
  if ('set' in action) object[key] = action.set;
  else if (key in object) {
    object[action.rename] = object[key];
    delete object[key];
  }
}

/** Alias key → the key a KeyRenamer gives it back, per rewrite list (computed once per plan). */
const renames = new WeakMap<readonly FetchRewrite[], ReadonlyMap<string, string>>();

/**
 * A subgraph error's path in the keys the data ends up under: a key a KeyRenamer of the fetch
 * renames (the planner's `_internal_qp_alias_<n>`, the gateway's `_vn_s<n>`: unique within one
 * fetch, so the key alone identifies the rename) is replaced by the key it is renamed to. The
 * subgraph only knows the fetch's own keys; the client must see its path (GraphQL spec §7.1.2,
 * "path": response keys of the response).
 */
export function renamedPath<T extends string | number>(
  path: readonly T[],
  rewrites: readonly FetchRewrite[] | undefined,
): Array<T | string> {
  if (!rewrites || rewrites.length === 0) return [...path];
  let map = renames.get(rewrites);
  if (!map) {
    const built = new Map<string, string>();
    for (const rewrite of rewrites) {
      if (!('KeyRenamer' in rewrite)) continue;
      const last = rewrite.KeyRenamer.path.at(-1);
      if (last && 'Key' in last) built.set(last.Key, rewrite.KeyRenamer.renameKeyTo);
    }
    renames.set(rewrites, built);
    map = built;
  }
  if (map.size === 0) return [...path];
  return path.map((step) => (typeof step === 'string' ? (map.get(step) ?? step) : step));
}
