import {
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isInterfaceType,
  isObjectType,
  isUnionType,
} from 'graphql';

/**
 * How many levels below each composite type the nearest field counting people is (a `count`,
 * or an indicator `value`), so the generators can steer towards suppressed and region-scoped
 * data instead of wandering through reference data. Types that reach none get Infinity.
 */
export function countDistances(schema: GraphQLSchema): ReadonlyMap<string, number> {
  const distance = new Map<string, number>();
  const types = Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith('__'));
  const children = (t: GraphQLNamedType): GraphQLNamedType[] => {
    if (isUnionType(t)) return [...t.getTypes()];
    if (!isObjectType(t) && !isInterfaceType(t)) return [];
    return Object.values(t.getFields()).map((f) => getNamedType(f.type));
  };
  for (const t of types) {
    if ((isObjectType(t) || isInterfaceType(t)) && Object.keys(t.getFields()).some((f) => f === 'count'))
      distance.set(t.name, 0);
  }
  distance.set('NaraVardIndicatorValue', 0);
  // Relax until stable: a type is one further than its nearest child (bounded by the type count).
  for (let round = 0; round < types.length; round++) {
    let changed = false;
    for (const t of types) {
      for (const c of children(t)) {
        const via = (distance.get(c.name) ?? Number.POSITIVE_INFINITY) + 1;
        if (via < (distance.get(t.name) ?? Number.POSITIVE_INFINITY)) {
          distance.set(t.name, via);
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return distance;
}
