import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '../../support/subgraph.js';

let server: TestSubgraph;
beforeAll(async () => {
  server = await startTestSubgraph('hogspecialiserad-vard');
});
afterAll(() => server.close());

it.each([
  ['patientFlows(month: "2024-13")', /month must be a month as YYYY-MM/],
  ['patientFlows(month: "202403")', /month/],
  ['patientFlows(first: 1001)', /first must be an integer from 0 to 1000/],
  ['patientFlows(fromRegion: "99")', /fromRegion "99" is not the länskod/],
  ['patientFlows(toRegion: "7")', /toRegion must be a länskod/],
  ['patientFlows(year: 20240)', /year must be a calendar year/],
  ['patientFlows(careArea: "no-such-area")', /careArea "no-such-area" is not a known care area id/],
  ['patientFlows(level: YEAR, month: "2024-03")', /month cannot be used at level YEAR/],
  ['patientFlows(level: MONTH_ALL_CARE_AREAS, careArea: "thoraxkirurgi")', /careArea cannot be used/],
  ['nhvDecisions(region: "Skåne")', /region must be a länskod/],
  ['nhvDecisions(hospital: "nowhere")', /hospital "nowhere" is not a known hospital id/],
  ['careAgreements(region: "00")', /region "00" is not the länskod/],
  [
    'priceLists(healthcareRegion: "nowhere")',
    /healthcareRegion "nowhere" is not a known healthcare region id/,
  ],
])('%s → BAD_USER_INPUT', async (field, message) => {
  const result = await server.query(`{ ${field} { totalCount } }`);
  expect(result.errors).toHaveLength(1);
  expect(result.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
  expect(result.errors![0]!.message).toMatch(message);
  expect(result.data).toBeNull();
});

it('rejects bad arguments on entity fields without failing the entity', async () => {
  const result = await server.query<{ _entities: Array<{ code: string; patientFlowsIn: null } | null> }>(
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Region { code patientFlowsIn(month: "March") { totalCount } } } }`,
    { r: [{ __typename: 'Region', code: '07' }] },
  );
  expect(result.data!._entities[0]).toEqual({ code: '07', patientFlowsIn: null });
  expect(result.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
});
