import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '../../support/subgraph.js';

let server: TestSubgraph;
beforeAll(async () => {
  server = await startTestSubgraph('samverkan');
});
afterAll(() => server.close());

interface Page {
  totalCount: number;
  offset: number;
  hasNextPage: boolean;
  missingRegions: string[];
  items: Array<{ code: string; name: string; region: { code: string } }>;
}

describe('kommuner', () => {
  it('serves all 290 municipalities in pages ordered by kommunkod, without overlaps or gaps', async () => {
    const codes: string[] = [];
    for (let offset = 0; ; offset += 100) {
      const result = await server.query<{ municipalities: Page }>(
        'query($o: Int) { municipalities(first: 100, offset: $o) { totalCount offset hasNextPage missingRegions items { code name region { code } } } }',
        { o: offset },
      );
      expect(result.errors).toBeUndefined();
      const page = result.data!.municipalities;
      expect(page.totalCount).toBe(290);
      expect(page.missingRegions).toEqual([]);
      for (const m of page.items) expect(m.code.slice(0, 2)).toBe(m.region.code);
      codes.push(...page.items.map((m) => m.code));
      if (!page.hasNextPage) break;
    }
    expect(codes).toHaveLength(290);
    expect(new Set(codes).size).toBe(290);
    expect(codes).toEqual([...codes].sort());
  });

  it("gives Örebro län its 12 municipalities, Ljusnarsberg (1864) included, noting the seed's misspelling", async () => {
    const result = await server.query<{
      region: {
        name: string;
        municipalityCount: number;
        municipalities: Array<{ code: string; name: string }>;
      };
      municipality: {
        name: string;
        note: string;
        region: { name: string };
        healthcareRegions: Array<{ id: string }>;
      };
    }>(`{
      region(code: "18") { name municipalityCount municipalities { code name } }
      municipality(code: "1864") { name note region { name } healthcareRegions { id } }
    }`);
    expect(result.errors).toBeUndefined();
    const region = result.data!.region;
    expect(region.municipalityCount).toBe(12);
    expect(region.municipalities.map((m) => m.name).sort((a, b) => a.localeCompare(b, 'sv'))).toEqual([
      'Askersund',
      'Degerfors',
      'Hallsberg',
      'Hällefors',
      'Karlskoga',
      'Kumla',
      'Laxå',
      'Lekeberg',
      'Lindesberg',
      'Ljusnarsberg',
      'Nora',
      'Örebro',
    ]);
    const ljusnarsberg = result.data!.municipality;
    expect(ljusnarsberg.name).toBe('Ljusnarsberg');
    expect(ljusnarsberg.region.name).toBe('Region Örebro län');
    expect(ljusnarsberg.healthcareRegions).toEqual([{ id: 'mellansverige' }]);
    expect(ljusnarsberg.note).toMatch(/Ljusnaberg/);
    expect(ljusnarsberg.note).toMatch(/Vilka är med i omställningen\?/);
  });

  it('filters by healthcare region and by part of the name, case-insensitively', async () => {
    const result = await server.query<{ mellansverige: Page; berg: Page; none: Page }>(`{
      mellansverige: municipalities(healthcareRegion: "mellansverige", first: 0) { totalCount hasNextPage items { code } }
      berg: municipalities(region: "18", nameContains: "BERG") { totalCount items { name } }
      none: municipalities(nameContains: "zzz") { totalCount items { code } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.mellansverige.totalCount).toBe(80);
    expect(result.data!.mellansverige.items).toEqual([]);
    expect(result.data!.mellansverige.hasNextPage).toBe(true);
    expect(result.data!.berg.items.map((m) => m.name)).toEqual([
      'Lekeberg',
      'Hallsberg',
      'Ljusnarsberg',
      'Lindesberg',
    ]);
    expect(result.data!.none.totalCount).toBe(0);
  });

  it('returns null for a well-formed kommunkod no municipality has', async () => {
    const result = await server.query<{ municipality: null }>('{ municipality(code: "1899") { name } }');
    expect(result.errors).toBeUndefined();
    expect(result.data!.municipality).toBeNull();
  });
});
