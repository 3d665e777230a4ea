import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '../../support/subgraph.js';

/** Bad arguments fail with BAD_USER_INPUT naming the argument, never a crash. */

let server: TestSubgraph;
beforeAll(async () => {
  server = await startTestSubgraph('nara-vard');
});
afterAll(() => server.close());

it.each([
  ['{ naraVardCollaborations(region: "Örebro") { totalCount } }', /region must be a länskod/],
  ['{ naraVardCollaborations(region: "99") { totalCount } }', /region "99" is not the länskod/],
  [
    '{ naraVardCollaborations(municipality: "186") { totalCount } }',
    /municipality must be a four-digit kommunkod/,
  ],
  [
    '{ naraVardCollaborations(municipality: "1899") { totalCount } }',
    /municipality "1899" is not the kommunkod/,
  ],
  ['{ naraVardCollaborations(year: 18) { totalCount } }', /year must be a calendar year/],
  ['{ primaryCareUnits(region: "1") { totalCount } }', /region must be a länskod/],
  ['{ primaryCareUnits(first: 5000) { totalCount } }', /first must be/],
  ['{ primaryCareUnit(id: "nope") { id } }', /id must be a primary care unit id/],
  [
    '{ naraVardIndicatorValues(indicator: "N99999") { totalCount } }',
    /indicator "N99999" is not in the indicator catalogue/,
  ],
  ['{ naraVardIndicatorValues(year: 30000) { totalCount } }', /year must be a calendar year/],
  ['{ naraVardIndicatorValues(offset: -1) { totalCount } }', /offset must be/],
  ['{ resourceDistributions(region: "xx") { totalCount } }', /region must be a länskod/],
  ['{ resourceDistributions(year: -2021) { totalCount } }', /year must be a calendar year/],
])('%s', async (query, message) => {
  const result = await server.query(query);
  expect(result.status).toBe(200);
  expect(result.errors).toHaveLength(1);
  expect(result.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
  expect(result.errors![0]!.message).toMatch(message);
});

it('rejects bad arguments on entity fields too', async () => {
  const result = await server.query<{ _entities: Array<Record<string, unknown>> }>(
    `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Region { primaryCareUnits(municipality: "abcd") { totalCount } }
      ... on Municipality { indicators(indicator: "nope") { totalCount } } } }`,
    {
      r: [
        { __typename: 'Region', code: '18' },
        { __typename: 'Municipality', code: '1864' },
      ],
    },
  );
  expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
  expect(result.data!._entities).toEqual([{ primaryCareUnits: null }, { indicators: null }]);
});

it('resolves unknown entity keys to null', async () => {
  const result = await server.query<{ _entities: unknown[] }>(
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Region { code } ... on Municipality { code } } }`,
    {
      r: [
        { __typename: 'Region', code: '99' },
        { __typename: 'Municipality', code: '9999' },
        { __typename: 'Municipality', code: '1864' },
      ],
    },
  );
  expect(result.errors).toBeUndefined();
  expect(result.data!._entities).toEqual([null, null, { code: '1864' }]);
});
