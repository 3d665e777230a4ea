import type { SubgraphContext } from './context.js';
import type { SourceRecord } from './sources/types.js';

/**
 * Stamdata — batched reading of national reference collections, and indexes over them.
 *
 * National collections are small and read by many fields of one query; reading all a subgraph
 * needs in one tick makes `RegionData` send them to the national source in one call.
 */

/** National collections by name. */
export type Collections<N extends string> = { readonly [K in N]: readonly SourceRecord[] };

const perRequest = new WeakMap<object, Map<string, Promise<Collections<string>>>>();

/**
 * Reads the named national collections in one batch (one source call), memoised per request: every
 * later call with the same names in the same request gets the same promise.
 */
export function nationalCollections<N extends string>(
  ctx: SubgraphContext,
  names: readonly N[],
): Promise<Collections<N>> {
  let memo = perRequest.get(ctx.data);
  if (!memo) {
    memo = new Map();
    perRequest.set(ctx.data, memo);
  }
  const key = names.join('\u0000');
  let pending = memo.get(key);
  if (!pending) {
    pending = Promise.all(names.map((name) => ctx.data.national(name))).then(
      (lists) => Object.fromEntries(names.map((name, i) => [name, lists[i]!])) as Collections<string>,
    );
    memo.set(key, pending);
  }
  return pending as Promise<Collections<N>>;
}

/**
 * A subgraph's typed view of its national collections (sorted lists, indexes …): `build` runs once
 * per set of record arrays, so the view is reused across requests while the source returns the
 * same arrays (file sources cache them until the file changes); per request it is memoised.
 */
export function nationalView<N extends string, V>(
  names: readonly N[],
  build: (collections: Collections<N>) => V,
): (ctx: SubgraphContext) => Promise<V> {
  const views = new WeakMap<object, Promise<V>>();
  let last: { lists: ReadonlyArray<readonly SourceRecord[]>; view: V } | undefined;
  return (ctx) => {
    let pending = views.get(ctx.data);
    if (!pending) {
      pending = nationalCollections(ctx, names).then((collections) => {
        const lists = names.map((name) => collections[name]);
        if (last?.lists.every((records, i) => records === lists[i])) return last.view;
        const view = build(collections);
        last = { lists, view };
        return view;
      });
      views.set(ctx.data, pending);
    }
    return pending;
  };
}

const indexes = new WeakMap<readonly object[], Map<PropertyKey, ReadonlyMap<unknown, unknown>>>();

/**
 * Records by the value of `key` (a later duplicate wins), cached per records array and key: reused
 * across requests while the source returns the same array.
 */
export function indexBy<T extends object, K extends keyof T>(
  records: readonly T[],
  key: K,
): ReadonlyMap<T[K], T> {
  let byKey = indexes.get(records);
  if (!byKey) {
    byKey = new Map();
    indexes.set(records, byKey);
  }
  let index = byKey.get(key) as ReadonlyMap<T[K], T> | undefined;
  if (!index) {
    index = new Map(records.map((record) => [record[key], record]));
    byKey.set(key, index);
  }
  return index;
}
