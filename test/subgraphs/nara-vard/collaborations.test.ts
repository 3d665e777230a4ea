import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '../../support/subgraph.js';

/** Region Örebro län's nära vård collaboration with its 12 municipalities (seed 002). */

const OREBRO_MUNICIPALITIES = [
  '1814',
  '1860',
  '1861',
  '1862',
  '1863',
  '1864',
  '1880',
  '1881',
  '1882',
  '1883',
  '1884',
  '1885',
];

interface Collaboration {
  id: string;
  kind: string;
  title: string;
  adoptedYear: number | null;
  adoptedPeriod: string | null;
  municipalityCount: number;
  municipalities: Array<{ code: string }>;
  parties: Array<{
    name: string;
    kind: string;
    region: { code: string } | null;
    municipality: { code: string } | null;
  }>;
  source: string;
  synthetic: boolean;
  note: string | null;
}

const FIELDS = `id kind title adoptedYear adoptedPeriod municipalityCount municipalities { code }
  parties { name kind region { code } municipality { code } } source synthetic note`;

let server: TestSubgraph;
beforeAll(async () => {
  server = await startTestSubgraph('nara-vard');
});
afterAll(() => server.close());

async function collaborations(args: string) {
  const result = await server.query<{
    naraVardCollaborations: { totalCount: number; items: Collaboration[]; missingRegions: string[] };
  }>(`{ naraVardCollaborations${args} { totalCount missingRegions items { ${FIELDS} } } }`);
  expect(result.errors).toBeUndefined();
  return result.data!.naraVardCollaborations;
}

describe('Region Örebro län and its municipalities', () => {
  it('collaborates with exactly the 12 municipalities of the county, Ljusnarsberg 1864 included', async () => {
    const page = await collaborations('(region: "18")');
    expect(page.totalCount).toBe(4);
    for (const c of page.items) {
      expect(c.municipalities.map((m) => m.code)).toEqual(OREBRO_MUNICIPALITIES);
      expect(c.municipalityCount).toBe(12);
      expect(c.parties[0]).toMatchObject({
        name: 'Region Örebro län',
        kind: 'REGION',
        region: { code: '18' },
      });
      expect(c.parties.find((p) => p.municipality?.code === '1864')?.name).toBe('Ljusnarsberg');
      expect(c.synthetic).toBe(false);
      expect(c.source).toMatch(/Vilka är med i omställningen\?.*17 april 2024/);
      expect(c.note).toMatch(/Ljusnaberg/);
    }
  });

  it('has the länsgemensam målbild för nära vård adopted in spring 2022', async () => {
    const page = await collaborations('(region: "18", year: 2022)');
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      kind: 'TARGET_VISION',
      title: 'Länsgemensam målbild för nära vård',
      adoptedYear: 2022,
      adoptedPeriod: 'våren 2022',
    });
  });

  it('has the two agreements of 2018 with RF-SISU Örebro län and Örebro läns bildningsförbund', async () => {
    const page = await collaborations('(year: 2018, kind: AGREEMENT)');
    expect(page.items).toHaveLength(2);
    const organisations = page.items.map((c) =>
      c.parties.filter((p) => p.kind === 'ORGANISATION').map((p) => p.name),
    );
    expect(organisations).toEqual([['Örebro läns bildningsförbund (ÖLBF)'], ['RF-SISU Örebro län']]);
    for (const c of page.items) expect(c.adoptedPeriod).toBe('sedan 2018');
  });

  it('answers per municipality, as a root filter and as a Municipality field', async () => {
    expect((await collaborations('(municipality: "1864")')).totalCount).toBe(4);
    expect((await collaborations('(municipality: "0180")')).totalCount).toBe(0);
    const result = await server.query<{
      _entities: Array<{ naraVardCollaborations: { totalCount: number; items: Array<{ id: string }> } }>;
    }>(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Municipality { naraVardCollaborations { totalCount items { id } } } } }`,
      {
        r: [
          { __typename: 'Municipality', code: '1864' },
          { __typename: 'Municipality', code: '1380' },
        ],
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities[0]!.naraVardCollaborations.totalCount).toBe(4);
    expect(result.data!._entities[1]!.naraVardCollaborations.totalCount).toBe(0);
  });

  it('looks one collaboration up by id, null for an unknown id', async () => {
    const result = await server.query<{ a: { adoptedYear: number } | null; b: null }>(
      `{ a: naraVardCollaboration(id: "orebro-malbild-nara-vard-2022") { adoptedYear }
         b: naraVardCollaboration(id: "no-such") { id } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ a: { adoptedYear: 2022 }, b: null });
  });
});
