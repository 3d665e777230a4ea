import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '../../support/subgraph.js';

let server: TestSubgraph;
beforeAll(async () => {
  server = await startTestSubgraph('kompetensforsorjning');
});
afterAll(() => server.close());

const PROGRAMME = `id name healthcareRegion { id } memberRegions { code } postTypes status collaboration
  activities quote source synthetic`;

interface Programme {
  id: string;
  healthcareRegion: { id: string };
  memberRegions: Array<{ code: string }>;
  postTypes: string[];
  activities: string[];
  quote: string;
  source: string;
  synthetic: boolean;
}

describe('joint education programmes', () => {
  it("serves Södra sjukvårdsregionen's AT/ST working group with its four regions and its source", async () => {
    const result = await server.query<{ educationProgrammes: { totalCount: number; items: Programme[] } }>(
      `{ educationProgrammes(healthcareRegion: "sodra") { totalCount items { ${PROGRAMME} } } }`,
    );
    expect(result.errors).toBeUndefined();
    const [programme] = result.data!.educationProgrammes.items;
    expect(programme).toMatchObject({
      id: 'sodra-at-st',
      healthcareRegion: { id: 'sodra' },
      memberRegions: [{ code: '07' }, { code: '10' }, { code: '12' }, { code: '13' }],
      postTypes: ['AT', 'ST'],
      synthetic: false,
    });
    expect(programme!.activities.join(' ')).toMatch(/AT\/ST-tjänstgöring i annan region/);
    expect(programme!.quote).toMatch(/Delprojektet har övergått i en fast arbetsgrupp/);
    expect(programme!.source).toMatch(/Samarbete för bättre vård.*004_3bfb4d7a0084268c/);
  });

  it('is reachable from the HealthcareRegion entity and filtered by region and post type', async () => {
    const entities = await server.query<{
      _entities: Array<{ educationProgrammes: { items: Array<{ id: string }> } } | null>;
    }>(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on HealthcareRegion { educationProgrammes { items { id } } } } }`,
      {
        r: [
          { __typename: 'HealthcareRegion', id: 'sodra' },
          { __typename: 'HealthcareRegion', id: 'norra' },
          { __typename: 'HealthcareRegion', id: 'atlantis' },
        ],
      },
    );
    expect(entities.errors).toBeUndefined();
    expect(entities.data!._entities).toEqual([
      { educationProgrammes: { items: [{ id: 'sodra-at-st' }] } },
      { educationProgrammes: { items: [] } },
      null,
    ]);

    const byRegion = await server.query<Record<string, { totalCount: number }>>(
      `{ halland: educationProgrammes(region: "13") { totalCount }
         orebro: educationProgrammes(region: "18") { totalCount }
         bt: educationProgrammes(postType: BT) { totalCount } }`,
    );
    expect(byRegion.data).toEqual({
      halland: { totalCount: 1 },
      orebro: { totalCount: 0 },
      bt: { totalCount: 0 },
    });
  });
});
