import { type FieldNode, type GraphQLObjectType, getNamedType, Kind } from 'graphql';
import type { SCOPED_TYPES } from '../../gateway/security/region-scope.js';
import { type BuildState, name } from './operation-state.js';

/**
 * Response keys of generated operations: aliases (plain, or another field's name), tracked per
 * parent type so no two fields of a merged selection conflict (GraphQL spec §5.3.2: same response
 * key, same field and arguments); the region key fields of region-scoped records; and hostile
 * keys that pose as the gateway's own hidden `__vardnavScope_*` keys.
 */

/** A response key for the field: its name, or an alias (plain, or another field's name). */
export function alias(s: BuildState, parent: GraphQLObjectType, field: string, signature: string): string {
  let key = field;
  if (s.aliases < 25 && s.dice.chance(0.15))
    key = s.dice.chance(0.3) ? s.dice.pick(Object.keys(parent.getFields())) : `a${s.counter++}`;
  return reserve(s, parent, key, signature, field);
}

/** Claims `key` for a field signature; same key, different field or arguments: a fresh alias. */
function reserve(
  s: BuildState,
  parent: GraphQLObjectType,
  wanted: string,
  signature: string,
  field: string,
): string {
  const keys = s.keys.get(parent.name) ?? new Map<string, string>();
  s.keys.set(parent.name, keys);
  const key = keys.has(wanted) && keys.get(wanted) !== signature ? `a${s.counter++}` : wanted;
  keys.set(key, signature);
  if (key !== field) s.aliases += 1;
  return key;
}

/** `fromRegion { code }`: unaliased, so it merges with any other selection of the field. */
export function keyField(s: BuildState, type: GraphQLObjectType, field: string, key: string): FieldNode {
  const responseKey = reserve(s, type, field, `${field}()`, field);
  const keyType = getNamedType(type.getFields()[field]!.type) as GraphQLObjectType;
  const innerKey = reserve(s, keyType, key, `${key}()`, key);
  return {
    kind: Kind.FIELD,
    ...(responseKey !== field ? { alias: name(responseKey) } : {}),
    name: name(field),
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: [
        { kind: Kind.FIELD, ...(innerKey !== key ? { alias: name(innerKey) } : {}), name: name(key) },
      ],
    },
  };
}

/**
 * A client field under the gateway's hidden region key (`__vardnavScope_fromRegion`), pointing
 * at another region field or with `code` aliased to a non-code: scoping must not be fooled.
 */
export function hostileKey(
  s: BuildState,
  type: GraphQLObjectType,
  scoped: (typeof SCOPED_TYPES)[number],
): FieldNode {
  const region = scoped.regionFields.length > 0;
  const fields = region ? scoped.regionFields : scoped.healthcareRegionFields;
  const key = `__vardnavScope_${s.dice.pick(fields)}`;
  const target = s.dice.pick(fields);
  const sub = region ? s.dice.pick(['code', 'name', 'shortName']) : s.dice.pick(['id', 'name']);
  if (reserve(s, type, key, `${target}(){${sub}}`, key) !== key)
    return keyField(s, type, target, region ? 'code' : 'id');
  const inner = region ? 'code' : 'id';
  return {
    kind: Kind.FIELD,
    alias: name(key),
    name: name(target),
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: [{ kind: Kind.FIELD, ...(sub !== inner ? { alias: name(inner) } : {}), name: name(sub) }],
    },
  };
}
