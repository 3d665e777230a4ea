import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '../../support/subgraph.js';

let server: TestSubgraph;
beforeAll(async () => {
  server = await startTestSubgraph('kompetensforsorjning');
});
afterAll(() => server.close());

const CASES: Array<[string, string, RegExp]> = [
  ['workforce(region: "99")', 'region', /region "99" is not the länskod/],
  ['workforce(region: "Skåne")', 'region', /like "18"/],
  ['workforce(year: 1066)', 'year', /year must be a calendar year/],
  ['workforce(profession: "trollkarl")', 'profession', /one of the 22 legitimation professions/],
  ['workforce(profession: "Läkare")', 'profession', /profession must be an id like "lakare"/],
  ['workforce(healthcareRegion: "atlantis")', 'healthcareRegion', /six sjukvårdsregioner/],
  ['trainingPosts(specialty: "alkemi")', 'specialty', /medical specialty/],
  ['trainingPosts(postType: AT, specialty: "ortopedi")', 'specialty', /ST posts only/],
  ['staffExchanges(fromRegion: "1")', 'fromRegion', /fromRegion must be a länskod/],
  ['staffExchanges(toRegion: "00")', 'toRegion', /toRegion "00" is not the länskod/],
  ['staffExchanges(year: 20000)', 'year', /year/],
  ['educationProgrammes(healthcareRegion: "mitt")', 'healthcareRegion', /sjukvårdsregioner/],
  ['educationProgrammes(region: "x")', 'region', /länskod/],
  ['workforce(first: 5000)', 'first', /first must be an integer/],
];

describe('bad arguments', () => {
  it.each(CASES)('%s → BAD_USER_INPUT naming %s', async (call, argumentName, message) => {
    const result = await server.query(`{ ${call} { totalCount } }`);
    expect(result.data?.[call.slice(0, call.indexOf('('))] ?? null).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
    expect(result.errors![0]!.message).toMatch(message);
  });

  it('rejects bad arguments on entity fields too', async () => {
    const result = await server.query<{ _entities: Array<{ workforce: unknown } | null> }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Region { workforce(profession: "x-y") { totalCount } } } }`,
      { r: [{ __typename: 'Region', code: '18' }] },
    );
    expect(result.data!._entities).toEqual([{ workforce: null }]);
    expect(result.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'profession',
    });
  });
});
