import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReference } from '../../../datagen/reference.js';
import { startTestSubgraph, type TestSubgraph } from '../../support/subgraph.js';

let server: TestSubgraph;
beforeAll(async () => {
  server = await startTestSubgraph('samverkan');
});
afterAll(() => server.close());

interface Hospital {
  id: string;
  name: string;
  aliases: string[];
  level: string;
  verified: boolean;
  city: string;
  source: string;
  region: { code: string };
  municipality: { name: string } | null;
  healthcareRegion: { id: string } | null;
}

const HOSPITAL =
  'id name aliases level verified city source region { code } municipality { name } healthcareRegion { id }';

describe('sjukhus', () => {
  it('includes every hospital named as an NHV permit holder, found by its normalised name', async () => {
    const names = [
      ...new Set(
        loadReference().nhvDecisions.flatMap((d) =>
          d.permitHolders.flatMap((p) => (p.hospital ? [p.hospital] : [])),
        ),
      ),
    ];
    expect(names.length).toBeGreaterThan(10);
    const query = names
      .map((_, i) => `h${i}: hospitalByName(name: $n${i}) { id name region { code } }`)
      .join(' ');
    const vars = names.map((_, i) => `$n${i}: String!`).join(', ');
    const result = await server.query<Record<string, { id: string; name: string } | null>>(
      `query(${vars}) { ${query} list: hospitals(first: 1000) { items { id } } }`,
      Object.fromEntries(names.map((n, i) => [`n${i}`, n])),
    );
    expect(result.errors).toBeUndefined();
    const listed = new Set(
      (result.data!.list as unknown as { items: Array<{ id: string }> }).items.map((h) => h.id),
    );
    names.forEach((name, i) => {
      const hospital = result.data![`h${i}`];
      expect(hospital, name).not.toBeNull();
      expect(listed.has(hospital!.id), name).toBe(true);
    });
    // Site suffixes are normalised away: one hospital, several name forms.
    const sus = names.flatMap((n, i) =>
      n.startsWith('Skånes universitetssjukhus') ? [result.data![`h${i}`]!.id] : [],
    );
    expect(sus.length).toBeGreaterThan(1);
    expect(new Set(sus)).toEqual(new Set(['sus']));
  });

  it('includes Blekingesjukhuset and Centrallasarettet Växjö, marked unverified with their seed sources', async () => {
    const result = await server.query<{ blekinge: Hospital; vaxjo: Hospital; alias: { id: string } }>(`{
      blekinge: hospital(id: "blekingesjukhuset") { ${HOSPITAL} }
      vaxjo: hospital(id: "centrallasarettet-vaxjo") { ${HOSPITAL} }
      alias: hospitalByName(name: "centrallasarettet i växjö") { id }
    }`);
    expect(result.errors).toBeUndefined();
    const { blekinge, vaxjo } = result.data!;
    expect(blekinge).toMatchObject({
      name: 'Blekingesjukhuset',
      level: 'COUNTY',
      verified: false,
      region: { code: '10' },
      municipality: { name: 'Karlskrona' },
      healthcareRegion: { id: 'sodra' },
    });
    expect(blekinge.source).toMatch(/seed 003/);
    expect(blekinge.source).toMatch(/UNVERIFIED/);
    expect(vaxjo).toMatchObject({ name: 'Centrallasarettet Växjö', region: { code: '07' }, verified: false });
    expect(vaxjo.source).toMatch(/Samarbete för bättre vård/);
    expect(result.data!.alias.id).toBe('centrallasarettet-vaxjo');
  });

  it('filters by region, healthcare region and level, ordered by länskod then name', async () => {
    const result = await server.query<Record<string, { totalCount: number; items: Array<{ id: string }> }>>(`{
      university: hospitals(level: UNIVERSITY) { totalCount items { id } }
      stockholm: hospitals(region: "01") { totalCount items { id } }
      mellansverige: hospitals(healthcareRegion: "mellansverige", level: COUNTY) { totalCount items { id } }
    }`);
    expect(result.errors).toBeUndefined();
    const ids = (key: string) => result.data![key]!.items.map((h) => h.id);
    expect(ids('university')).toEqual([
      'karolinska',
      'akademiska',
      'us-linkoping',
      'sus',
      'sahlgrenska',
      'uso',
      'nus',
    ]);
    expect(ids('stockholm')).toEqual([
      'danderyds-sjukhus',
      'karolinska',
      'st-eriks-ogonsjukhus',
      'stockholms-centrum-for-atstorningar',
      'sodersjukhuset',
    ]);
    expect(result.data!.mellansverige!.totalCount).toBe(5);
  });

  it('returns null for an unknown hospital id or name', async () => {
    const result = await server.query<{ hospital: null; hospitalByName: null }>(
      '{ hospital(id: "no-such-hospital") { id } hospitalByName(name: "Nowhere sjukhus") { id } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ hospital: null, hospitalByName: null });
  });
});
