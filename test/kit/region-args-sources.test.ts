import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubgraphName } from '../../core/subgraph-names.js';
import { MapSourceRegistry } from '../../subgraphs/kit/index.js';
import { testRegistry } from '../support/dataset.js';
import { startTestSubgraph, type TestSubgraph } from '../support/subgraph.js';

/**
 * A region argument is valid when it names one of the 21 regions, whatever sources are configured:
 * with region 18's sources left out, `region: "18"` is no bad input (and no source is asked).
 */
function withoutRegion(code: string): MapSourceRegistry {
  const base = testRegistry();
  return new MapSourceRegistry(
    new Map(
      [...base.sources].map(([domain, owners]) => [
        domain,
        new Map([...owners].filter(([owner]) => owner !== code)),
      ]),
    ),
  );
}

const CASES: Array<[SubgraphName, string]> = [
  ['forskning', '{ researchProjects(region: "18") { totalCount } }'],
  ['hogspecialiserad-vard', '{ careAgreements(region: "18") { totalCount } }'],
  ['kompetensforsorjning', '{ workforce(region: "18") { totalCount } }'],
  ['nara-vard', '{ primaryCareUnits(region: "18") { totalCount } }'],
  ['samverkan', '{ hospitals(region: "18") { totalCount } }'],
];

describe.each(CASES)('%s without region 18 sources', (name, query) => {
  let server: TestSubgraph;
  beforeAll(async () => {
    server = await startTestSubgraph(name, { registry: withoutRegion('18') });
  });
  afterAll(() => server.close());

  it('accepts region "18" and still rejects "02"', async () => {
    const ok = await server.query(query);
    expect(ok.errors).toBeUndefined();
    const bad = await server.query(query.replace('"18"', '"02"'));
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'region' });
  });

  // samverkan owns Region (from its national data); the others resolve it by the länskod alone.
  if (name !== 'samverkan')
    it('resolves the Region entity by its länskod', async () => {
      const result = await server.query<{ _entities: unknown[] }>(
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Region { __typename } } }',
        {
          r: [
            { __typename: 'Region', code: '18' },
            { __typename: 'Region', code: '02' },
          ],
        },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities).toEqual([{ __typename: 'Region' }, null]);
    });
});
