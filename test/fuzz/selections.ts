import {
  type ArgumentNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isListType,
  isNonNullType,
  Kind,
  print,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { SCOPED_TYPES } from '../../gateway/security/region-scope.js';
import { argumentValue } from './argument-values.js';
import { fragmentise } from './fragments.js';
import { type BuildState, name } from './operation-state.js';
import { alias, hostileKey, keyField } from './response-keys.js';
import { condition, valueNode } from './variables.js';

/**
 * Selection sets of generated operations: fields chosen with a weight towards people counts,
 * their arguments (argument-values.ts), sub-selections down to MAX_DEPTH, every possible type of
 * an abstract type as an inline fragment, and the region keys of region-scoped records. List
 * sizes (`first`, or PLAIN_LIST_SIZE for plain lists) divide the budget passed down, so deep
 * selections under big lists get leaves only and most operations stay under the cost limit.
 */
export const LIST_BUDGET = 600;
const MAX_DEPTH = 5;
const PLAIN_LIST_SIZE = 25;
const SCOPED = new Map(SCOPED_TYPES.map((s) => [s.type, s]));

export function selectionSet(
  s: BuildState,
  type: GraphQLCompositeType,
  depth: number,
  budget: number,
  count = s.dice.int(1, 4),
): SelectionSetNode & { selections: SelectionNode[] } {
  const selections: SelectionNode[] = [];
  if (isAbstractType(type)) {
    selections.push({ kind: Kind.FIELD, name: name('__typename') });
    for (const possible of s.ctx.schema.getPossibleTypes(type))
      if (s.dice.chance(0.6))
        selections.push({
          kind: Kind.INLINE_FRAGMENT,
          typeCondition: { kind: Kind.NAMED_TYPE, name: name(possible.name) },
          selectionSet: selectionSet(s, possible, depth, budget),
        });
    return { kind: Kind.SELECTION_SET, selections };
  }
  const fields = Object.values(type.getFields());
  const leavesOnly = depth >= MAX_DEPTH || budget < 2;
  const candidates = fields.filter((f) => !leavesOnly || !isCompositeType(getNamedType(f.type)));
  const pool = candidates.length > 0 ? candidates : fields;
  // Not abstract, so an object type (the schema's interfaces are abstract too).
  const object = type as GraphQLObjectType;
  for (let i = 0; i < count; i++) selections.push(field(s, object, choose(s, pool), depth, budget));
  if (s.dice.chance(0.1)) selections.push({ kind: Kind.FIELD, name: name('__typename') });
  const scoped = SCOPED.get(type.name);
  // The regions a scoped record concerns, so the invariants can decide who may see its detail.
  if (scoped && s.dice.chance(0.85)) {
    for (const f of scoped.regionFields) selections.push(keyField(s, object, f, 'code'));
    for (const f of scoped.healthcareRegionFields) selections.push(keyField(s, object, f, 'id'));
  }
  if (scoped && s.dice.chance(0.08)) selections.push(hostileKey(s, object, scoped));
  return { kind: Kind.SELECTION_SET, selections: fragmentise(s, object, selections) };
}

/** Weighted towards fields that lead to people counts; every field stays possible. */
function choose(
  s: BuildState,
  pool: ReadonlyArray<GraphQLField<unknown, unknown>>,
): GraphQLField<unknown, unknown> {
  return s.dice.weighted(
    pool.map((f) => {
      const d = s.ctx.distances.get(getNamedType(f.type).name) ?? Number.POSITIVE_INFINITY;
      const weight = f.name === 'count' || f.name === 'suppressed' || f.name === 'value' ? 4 : d <= 3 ? 4 : 1;
      return [f, weight] as const;
    }),
  );
}

function field(
  s: BuildState,
  parent: GraphQLObjectType,
  def: GraphQLField<unknown, unknown>,
  depth: number,
  budget: number,
): FieldNode {
  const args: ArgumentNode[] = [];
  let factor = isListType(isNonNullType(def.type) ? def.type.ofType : def.type) ? PLAIN_LIST_SIZE : 1;
  for (const arg of def.args) {
    if (!isNonNullType(arg.type) && !s.dice.chance(arg.name === 'first' ? 0.85 : 0.35)) {
      if (arg.name === 'first' && typeof arg.defaultValue === 'number') factor = arg.defaultValue;
      continue;
    }
    const value = argumentValue(s.dice, s.ctx, def, arg, budget);
    if (arg.name === 'first') factor = typeof value === 'number' ? Math.max(1, value) : 100;
    args.push({ kind: Kind.ARGUMENT, name: name(arg.name), value: valueNode(s, value, arg.type) });
  }
  const signature = `${def.name}(${args.map((a) => print(a)).join(',')})`;
  const key = alias(s, parent, def.name, signature);
  const named = getNamedType(def.type);
  return {
    kind: Kind.FIELD,
    ...(key !== def.name ? { alias: name(key) } : {}),
    name: name(def.name),
    arguments: args,
    directives: s.dice.chance(0.08) ? [condition(s)] : [],
    ...(isCompositeType(named) ? { selectionSet: selectionSet(s, named, depth + 1, budget / factor) } : {}),
  };
}
