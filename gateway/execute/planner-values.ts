/**
 * The planner's own values where a client alias took their response key.
 *
 * The merged data is keyed by the client's response keys (the shaper reads it that way), but a
 * representation reads a key or @requires field by the name the planner fetched it under
 * (Apollo query plan semantics: `requires` selections name fields by their response names in the
 * fetched data). The two collide when the client aliases ANOTHER field to a key field's name,
 * e.g. `region { code: name medicalFaculties { name } }`: the Hive planner fetches
 * `{ _internal_qp_alias_0: name code }` and renames the alias back to `code` (an output
 * KeyRenamer), and an entity fetch may answer the client's `id: university { … }` over the `id` an
 * earlier fetch brought. Whatever the client's key gets, the value fetched under the field's own
 * name is kept here, per object, for the representations of later fetches.
 *
 * Since client aliases reach the planner only as gateway-owned `_vn_a<N>` keys (client-keys.ts),
 * a client alias no longer takes a planner key during execution; what remains here are the
 * planner's own renames (`_internal_qp_alias_<n>` KeyRenamers) onto a key the fetch answered.
 *
 * A WeakMap keyed by the objects of one operation's merged data: nothing outlives the response.
 */
const shadowed = new WeakMap<object, Record<string, unknown>>();

/** Keeps `value` as the planner's value of `key` on `object` (the first one kept stays). */
export function keepPlannerValue(object: object, key: string, value: unknown): void {
  let values = shadowed.get(object);
  if (!values) {
    values = Object.create(null) as Record<string, unknown>;
    shadowed.set(object, values);
  }
  if (!(key in values)) values[key] = value;
}

/** The planner's values kept for `object`, if a client alias ever took one of its keys. */
export function plannerValues(object: object): Readonly<Record<string, unknown>> | undefined {
  return shadowed.get(object);
}

/** The value of field `key` as the planner fetched it: the kept one, else the object's own. */
export function plannerValue(object: Record<string, unknown>, key: string): unknown {
  const values = shadowed.get(object);
  return values && key in values ? values[key] : object[key];
}
