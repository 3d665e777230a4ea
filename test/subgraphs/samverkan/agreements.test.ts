import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '../../support/subgraph.js';

let server: TestSubgraph;
beforeAll(async () => {
  server = await startTestSubgraph('samverkan');
});
afterAll(() => server.close());

interface Agreement {
  id: string;
  title: string;
  parties: Array<{ code: string; name: string }>;
  healthcareRegion: { id: string } | null;
  collaborationBody: { id: string; name: string } | null;
  period: { fromYear: number | null; toYear: number | null; startDate: string | null; note: string };
  extensionOption: boolean | null;
  subjectAreas: Array<{ id: string; name: string }>;
  subjectAreasComplete: boolean;
  sources: string[];
  synthetic: boolean;
  activityPlans: Array<{
    title: string;
    fromYear: number;
    toYear: number;
    adoptedBy: { id: string };
    note: string;
    items: Array<{ position: number; text: string; ocrText: string; source: string }>;
  }>;
}

const AGREEMENT = `
  id title parties { code name } healthcareRegion { id } collaborationBody { id name }
  period { fromYear toYear startDate note } extensionOption subjectAreas { id name } subjectAreasComplete
  sources synthetic
  activityPlans { title fromYear toYear adoptedBy { id } note items { position text ocrText source } }`;

describe('samverkansavtal', () => {
  it("serves Mellansverige's agreement: seven parties, 2021–2024 with an option to extend, four subject areas", async () => {
    const result = await server.query<{ collaborationAgreement: Agreement }>(
      `{ collaborationAgreement(id: "mellansverige-samverkansavtal-2021") { ${AGREEMENT} } }`,
    );
    expect(result.errors).toBeUndefined();
    const a = result.data!.collaborationAgreement;
    expect(a.title).toBe('Avtal om samverkan i Sjukvårdsregion Mellansverige');
    expect(a.parties.map((p) => p.name)).toEqual([
      'Region Uppsala',
      'Region Sörmland',
      'Region Värmland',
      'Region Örebro län',
      'Region Västmanland',
      'Region Dalarna',
      'Region Gävleborg',
    ]);
    expect(a.healthcareRegion).toEqual({ id: 'mellansverige' });
    expect(a.collaborationBody?.name).toBe('Samverkansnämnden för Sjukvårdsregion Mellansverige');
    // The OCR copy says "2014"; the hub serves the corrected period and says why.
    expect(a.period).toMatchObject({ fromYear: 2021, toYear: 2024, startDate: '2021-01-01' });
    expect(a.period.note).toMatch(/OCR/);
    expect(a.extensionOption).toBe(true);
    expect(a.subjectAreas.map((s) => s.name)).toEqual([
      'Högspecialiserad vård',
      'Forskning',
      'Kompetensförsörjning',
      'Digitalisering',
    ]);
    expect(a.subjectAreasComplete).toBe(false);
    expect(a.synthetic).toBe(false);
    expect(a.sources.join(' ')).toMatch(/Givande regionalt samarbete får nytt avtal och nytt namn/);
    expect(a.sources.join(' ')).toMatch(/Verksamhetsplan 2021–2024/);
  });

  it('serves the verksamhetsplan 2021–2024 items with Swedish spelling restored and the OCR noted', async () => {
    const result = await server.query<{ collaborationAgreement: Agreement }>(
      `{ collaborationAgreement(id: "mellansverige-samverkansavtal-2021") { ${AGREEMENT} } }`,
    );
    const [plan] = result.data!.collaborationAgreement.activityPlans;
    expect(plan).toMatchObject({ title: 'Verksamhetsplan 2021–2024', fromYear: 2021, toYear: 2024 });
    expect(plan!.adoptedBy.id).toBe('mellansverige-samverkansnamnden');
    expect(plan!.note).toMatch(/OCR-damaged/);
    expect(plan!.items).toHaveLength(15);
    expect(plan!.items.map((i) => i.position)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(plan!.items[2]!.text).toBe('Öka produktionssamverkan inom länssjukvård och högspecialiserad vård');
    expect(plan!.items[2]!.ocrText).toBe(
      'Oka produktionssamverkan inom lanssjukvard och hégspecialiserad vard',
    );
    expect(plan!.items.at(-1)!.text).toBe('Öka samverkan för att utveckla den nära vården');
    for (const item of plan!.items) {
      expect(item.text, item.text).not.toMatch(/[éè6]|\b(Oka|Folja|for|vard|halso)\b/);
      expect(item.source).toMatch(/OCR-damaged copy/);
    }
  });

  it('models the Blekinge–Kronoberg overarching agreement (kvinnosjukvård, cancersjukvård), not the 2015 thorax agreement', async () => {
    const result = await server.query<{
      collaborationAgreements: {
        totalCount: number;
        items: Array<Agreement & { confirmedInForceOn: string }>;
      };
    }>(`{ collaborationAgreements(region: "10") { totalCount items { ${AGREEMENT} confirmedInForceOn } } }`);
    expect(result.errors).toBeUndefined();
    const { items } = result.data!.collaborationAgreements;
    expect(items.map((a) => a.id)).toEqual(['blekinge-kronoberg-samverkansavtal']);
    const a = items[0]!;
    expect(a.parties.map((p) => p.code)).toEqual(['07', '10']);
    expect(a.subjectAreas.map((s) => s.id)).toEqual(['kvinnosjukvard', 'cancersjukvard']);
    expect(a.period).toMatchObject({ fromYear: null, toYear: null, startDate: null });
    expect(a.extensionOption).toBeNull();
    expect(a.confirmedInForceOn).toBe('2022-01-21');
    expect(a.sources[0]).toMatch(/Region Kronoberg.*2022-01-21/);
  });

  it('filters agreements by year in force, by healthcare region and by party', async () => {
    const result = await server.query<Record<string, { totalCount: number; items: Array<{ id: string }> }>>(`{
      y2022: collaborationAgreements(activeInYear: 2022) { totalCount items { id } }
      y2025: collaborationAgreements(activeInYear: 2025) { totalCount items { id } }
      sodra: collaborationAgreements(healthcareRegion: "sodra") { totalCount items { id } }
      orebro: collaborationAgreements(region: "18", activeInYear: 2021) { totalCount items { id } }
      all: collaborationAgreements { totalCount items { id } }
    }`);
    expect(result.errors).toBeUndefined();
    const ids = (key: string) => result.data![key]!.items.map((a) => a.id);
    expect(ids('y2022')).toEqual([
      'mellansverige-samverkansavtal-2021',
      'blekinge-kronoberg-samverkansavtal',
    ]);
    // No extension is recorded in the sources, so none is assumed.
    expect(ids('y2025')).toEqual([]);
    expect(ids('sodra')).toEqual(['blekinge-kronoberg-samverkansavtal']);
    expect(ids('orebro')).toEqual(['mellansverige-samverkansavtal-2021']);
    expect(result.data!.all!.totalCount).toBe(3);
  });

  it('reaches agreements from a region and from a healthcare region', async () => {
    const result = await server.query<{
      region: { collaborationAgreements: Array<{ id: string }>; collaborationBodies: Array<{ id: string }> };
      healthcareRegion: { collaborationAgreements: Array<{ id: string }> };
    }>(`{
      region(code: "18") { collaborationAgreements(activeInYear: 2024) { id } collaborationBodies { id } }
      healthcareRegion(id: "mellansverige") { collaborationAgreements { id } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.region.collaborationAgreements).toEqual([
      { id: 'mellansverige-samverkansavtal-2021' },
    ]);
    expect(result.data!.region.collaborationBodies).toEqual([{ id: 'mellansverige-samverkansnamnden' }]);
    expect(result.data!.healthcareRegion.collaborationAgreements).toEqual([
      { id: 'mellansverige-samverkansavtal-2021' },
    ]);
  });
});
