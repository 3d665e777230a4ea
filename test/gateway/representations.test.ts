import type { RequiresSelection } from '@graphql-hive/router-query-planner';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildBatch } from '../../gateway/execute/representations.js';
import { MISSING, projectRequires } from '../../gateway/execute/requires.js';
import type { ExecutionRun } from '../../gateway/execute/run.js';
import { TypeIndex } from '../../gateway/load/type-index.js';

/**
 * Entity representations (federation spec, `_entities`): the flat path
 * (execute/flat-representations.ts: one type condition over leaf fields, deduplicated by value)
 * gives exactly what the general path gives, projectRequires + JSON.stringify deduplicated by
 * the JSON text: the same strings in the same order, each target mapped to the same one.
 */
const types = new TypeIndex(
  parse(`
    interface Item { upc: String }
    type Product implements Item { upc: String }
    type Book implements Item { upc: String }
    type Other { id: ID }
  `),
);

/** The general path, as buildBatch took it for every shape before the flat one. */
function reference(objects: Record<string, unknown>[], requires: RequiresSelection[]) {
  const representations: string[] = [];
  const indexOf: number[] = [];
  const seen = new Map<string, number>();
  for (const object of objects) {
    const projected = projectRequires(requires, object, types, {});
    if (projected === null || projected === MISSING) continue;
    const json = JSON.stringify(projected);
    let index = seen.get(json);
    if (index === undefined) {
      index = representations.length;
      seen.set(json, index);
      representations.push(json);
    }
    indexOf.push(index);
  }
  return { representations, indexOf };
}

function ours(objects: Record<string, unknown>[], requires: RequiresSelection[]) {
  const run = { data: { items: objects }, types, variables: {} } as unknown as ExecutionRun;
  const batch = buildBatch(run, [[{ Field: 'items' }, '@']], requires, undefined);
  return { representations: batch.representations, indexOf: batch.indexOf };
}

const field = (name: string, alias?: string): RequiresSelection =>
  alias ? { kind: 'Field', name, alias } : { kind: 'Field', name };
const on = (typeCondition: string, ...selections: RequiresSelection[]): RequiresSelection[] => [
  { kind: 'InlineFragment', typeCondition, selections },
];

/** A small deterministic generator (no Math.random): the cases are the same on every run. */
function generator(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

const VALUES: unknown[] = [
  '1',
  '2',
  1,
  2,
  0,
  -0,
  '',
  'ä"\\',
  null,
  true,
  false,
  { a: 1 },
  { a: 1 },
  [1, '2'],
  undefined,
];
const TYPENAMES: unknown[] = ['Product', 'Book', 'Other', undefined, 7];

function entities(random: (n: number) => number, count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, () => {
    const object: Record<string, unknown> = {};
    const typename = TYPENAMES[random(TYPENAMES.length)];
    if (typename !== undefined) object.__typename = typename;
    for (const key of ['upc', 'price', 'weight', '_internal_qp_alias_0']) {
      const value = VALUES[random(VALUES.length)];
      if (value !== undefined) object[key] = value;
    }
    return object;
  });
}

const SHAPES: Array<[string, RequiresSelection[]]> = [
  ['an entity key', on('Product', field('__typename'), field('upc'))],
  ['a key without __typename (appended)', on('Product', field('upc'))],
  ['an interface condition', on('Item', field('__typename'), field('upc'))],
  [
    '@requires inputs after the key',
    on('Product', field('__typename'), field('upc'), field('price'), field('weight')),
  ],
  [
    'a planner alias',
    on('Product', field('__typename'), field('_internal_qp_alias_0', 'price'), field('upc')),
  ],
  ['__typename last', on('Item', field('upc'), field('__typename'))],
];

describe.each(SHAPES)('%s', (_, requires) => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'seed %i: the same representations and indices as the general path',
    (seed) => {
      const objects = entities(generator(seed), 200);
      const expected = reference(objects, requires);
      expect(expected.indexOf.length).toBeGreaterThan(0);
      expect(ours(objects, requires)).toEqual(expected);
    },
  );
});

it('deduplicates 100 targets of 5 entities to 5 representations, first seen first', () => {
  const objects = Array.from({ length: 100 }, (_, i) => ({
    __typename: 'Product',
    upc: String((i % 5) + 1),
  }));
  const batch = ours(objects, on('Product', field('__typename'), field('upc')));
  expect(batch.representations).toEqual(
    ['1', '2', '3', '4', '5'].map((upc) => JSON.stringify({ __typename: 'Product', upc })),
  );
  expect(batch.indexOf).toEqual(objects.map((_, i) => i % 5));
});

it('keeps 1 and "1" apart, as their JSON is', () => {
  const objects = [
    { __typename: 'Product', upc: 1 },
    { __typename: 'Product', upc: '1' },
  ];
  expect(ours(objects, on('Product', field('upc'))).representations).toEqual([
    '{"upc":1,"__typename":"Product"}',
    '{"upc":"1","__typename":"Product"}',
  ]);
});
