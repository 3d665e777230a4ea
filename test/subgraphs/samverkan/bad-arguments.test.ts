import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '../../support/subgraph.js';

let server: TestSubgraph;
beforeAll(async () => {
  server = await startTestSubgraph('samverkan');
});
afterAll(() => server.close());

const cases: Array<[string, string, RegExp]> = [
  ['{ region(code: "1") { name } }', 'code', /länskod like "18"/],
  ['{ region(code: "Örebro") { name } }', 'code', /länskod/],
  ['{ municipality(code: "186") { name } }', 'code', /kommunkod like "1864"/],
  [
    '{ healthcareRegion(id: "mellan") { name } }',
    'id',
    /valid ids: mellansverige, norra, sodra, stockholm-gotland, sydostra, vastra/,
  ],
  [
    '{ municipalities(region: "02") { totalCount } }',
    'region',
    /"02" is not the länskod of one of the 21 regions/,
  ],
  ['{ municipalities(region: "X1") { totalCount } }', 'region', /länskod like "18"/],
  [
    '{ municipalities(healthcareRegion: "Mellansverige") { totalCount } }',
    'healthcareRegion',
    /valid ids: .*mellansverige/,
  ],
  ['{ municipalities(nameContains: "   ") { totalCount } }', 'nameContains', /1 to 100 characters/],
  ['{ hospitals(healthcareRegion: "south") { totalCount } }', 'healthcareRegion', /not a sjukvårdsregion id/],
  ['{ hospital(id: "Skånes universitetssjukhus") { id } }', 'id', /slug/],
  [
    '{ collaborationAgreements(activeInYear: 20222) { totalCount } }',
    'activeInYear',
    /year from 1900 to 2100/,
  ],
  ['{ collaborationBodies(region: "99") { id } }', 'region', /not the länskod/],
  ['{ region(code: "18") { collaborationAgreements(activeInYear: -1) { id } } }', 'activeInYear', /year/],
];

it.each(cases)('%s → BAD_USER_INPUT naming %s', async (query, argument, message) => {
  const result = await server.query(query);
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors!;
  expect(error!.extensions?.code).toBe('BAD_USER_INPUT');
  expect(error!.extensions?.argumentName).toBe(argument);
  expect(error!.message).toMatch(message);
  expect(error!.message).toContain(argument);
});

it('returns null for a well-formed länskod that no region has', async () => {
  const result = await server.query<{ region: null }>('{ region(code: "02") { name } }');
  expect(result.errors).toBeUndefined();
  expect(result.data!.region).toBeNull();
});
