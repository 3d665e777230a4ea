import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '../../support/subgraph.js';

let server: TestSubgraph;
beforeAll(async () => {
  server = await startTestSubgraph('forskning');
});
afterAll(() => server.close());

const REGION = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Region';
const AT_18 = { r: [{ __typename: 'Region', code: '18' }] };

it.each([
  ['{ researchProjects(region: "1") { totalCount } }', /region must be a länskod like "18"/],
  ['{ researchProjects(region: "99") { totalCount } }', /region "99" is not the länskod/],
  ['{ researchProjects(leadRegion: "Örebro") { totalCount } }', /leadRegion must be a länskod/],
  ['{ researchProjects(activeInYear: 20230) { totalCount } }', /activeInYear must be a calendar year/],
  ['{ researchProjects(university: "mit") { totalCount } }', /university "mit" is not a university id/],
  ['{ researchProject(id: "18-0001") { id } }', /id must look like "FP-18-0003"/],
  ['{ clinicalTrials(region: "ab") { totalCount } }', /region must be a länskod/],
  ['{ clinicalTrials(first: 1001) { totalCount } }', /first must be an integer from 0 to 1000/],
  ['{ researchFunding(year: 3000) { totalCount } }', /year must be a calendar year/],
  ['{ researchFunding(region: "00") { totalCount } }', /region "00" is not the länskod/],
  ['{ medicalFaculties(region: "x") { id } }', /region must be a länskod/],
  [
    '{ researchStrategies(healthcareRegion: "atlantis") { id } }',
    /healthcareRegion "atlantis" is not a healthcare region id/,
  ],
  ['{ researchStrategies(activeInYear: -1) { id } }', /activeInYear must be a calendar year/],
])('%s → BAD_USER_INPUT', async (query, message) => {
  const result = await server.query(query);
  expect(result.errors).toHaveLength(1);
  expect(result.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
  expect(result.errors![0]!.message).toMatch(message);
});

it.each([
  [
    `${REGION} { researchProjects(activeInYear: 0) { totalCount } } } }`,
    /activeInYear must be a calendar year/,
  ],
  [`${REGION} { researchProjects(offset: -1) { totalCount } } } }`, /offset must be a non-negative integer/],
  [`${REGION} { clinicalTrials(first: -1, includeParticipating: true) { totalCount } } } }`, /first must be/],
])('entity field %s → BAD_USER_INPUT', async (query, message) => {
  const result = await server.query(query, AT_18);
  expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(result.errors?.[0]?.message).toMatch(message);
});

it('rejects a bad year on project funding', async () => {
  const result = await server.query<{ researchProjects: unknown }>(
    '{ researchProjects(first: 1) { items { funding(year: 99999) { amountSek } } } }',
  );
  expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(result.errors?.[0]?.message).toMatch(/year must be a calendar year/);
});

it('rejects an unknown enum value through variables with BAD_USER_INPUT', async () => {
  const result = await server.query(
    'query($a: ResearchArea) { researchProjects(researchArea: $a) { totalCount } }',
    {
      a: 'ASTROLOGY',
    },
  );
  expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(result.errors?.[0]?.message).toMatch(/ASTROLOGY/);
});
