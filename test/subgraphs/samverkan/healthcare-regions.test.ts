import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '../../support/subgraph.js';

let server: TestSubgraph;
beforeAll(async () => {
  server = await startTestSubgraph('samverkan');
});
afterAll(() => server.close());

interface Membership {
  region: { code: string; name: string };
  partial: boolean;
  municipalities: Array<{ code: string; name: string }>;
}

describe('sjukvårdsregioner', () => {
  it('lists the six sjukvårdsregioner ordered by id', async () => {
    const result = await server.query<{ healthcareRegions: Array<{ id: string }> }>(
      '{ healthcareRegions { id } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.healthcareRegions.map((h) => h.id)).toEqual([
      'mellansverige',
      'norra',
      'sodra',
      'stockholm-gotland',
      'sydostra',
      'vastra',
    ]);
  });

  it('gives Sjukvårdsregion Mellansverige its seven member regions, its samverkansnämnd and its former name', async () => {
    const result = await server.query<{
      healthcareRegion: {
        name: string;
        regions: Membership[];
        collaborationBody: { name: string; kind: string };
        universityHospitals: Array<{ id: string }>;
        formerNames: string[];
        municipalityCount: number;
        synthetic: boolean;
        source: string;
      };
    }>(`{ healthcareRegion(id: "mellansverige") {
      name regions { region { code name } partial municipalities { code } }
      collaborationBody { name kind } universityHospitals { id } formerNames municipalityCount synthetic source
    } }`);
    expect(result.errors).toBeUndefined();
    const hr = result.data!.healthcareRegion;
    expect(hr.name).toBe('Sjukvårdsregion Mellansverige');
    expect(hr.regions.map((m) => m.region.name)).toEqual([
      'Region Uppsala',
      'Region Sörmland',
      'Region Värmland',
      'Region Örebro län',
      'Region Västmanland',
      'Region Dalarna',
      'Region Gävleborg',
    ]);
    expect(hr.regions.every((m) => !m.partial)).toBe(true);
    expect(hr.collaborationBody).toEqual({
      name: 'Samverkansnämnden för Sjukvårdsregion Mellansverige',
      kind: 'JOINT_COMMITTEE',
    });
    expect(hr.universityHospitals.map((h) => h.id).sort()).toEqual(['akademiska', 'uso']);
    expect(hr.formerNames.some((n) => n.startsWith('Uppsala-Örebro sjukvårdsregion'))).toBe(true);
    expect(hr.municipalityCount).toBe(80);
    expect(hr.synthetic).toBe(false);
    expect(hr.source).toMatch(/SCB/);
  });

  it("makes Halland's split visible: three municipalities in Västra, three in Södra", async () => {
    const result = await server.query<{
      vastra: { regions: Membership[] };
      sodra: { regions: Membership[] };
      halland: { healthcareRegions: Array<{ id: string }> };
    }>(`{
      vastra: healthcareRegion(id: "vastra") { regions { region { code } partial municipalities { code name } } }
      sodra: healthcareRegion(id: "sodra") { regions { region { code } partial municipalities { code name } } }
      halland: region(code: "13") { healthcareRegions { id } }
    }`);
    expect(result.errors).toBeUndefined();
    const halland = (regions: Membership[]) => regions.find((m) => m.region.code === '13')!;
    const vastra = halland(result.data!.vastra.regions);
    const sodra = halland(result.data!.sodra.regions);
    expect(vastra.partial).toBe(true);
    expect(sodra.partial).toBe(true);
    expect(vastra.municipalities.map((m) => m.name)).toEqual(['Falkenberg', 'Varberg', 'Kungsbacka']);
    expect(sodra.municipalities.map((m) => m.name)).toEqual(['Hylte', 'Halmstad', 'Laholm']);
    expect(result.data!.halland.healthcareRegions.map((h) => h.id)).toEqual(['sodra', 'vastra']);
    // Västra Götaland is a whole member.
    expect(result.data!.vastra.regions.find((m) => m.region.code === '14')!.partial).toBe(false);
  });

  it('gives each Halland municipality its one sjukvårdsregion', async () => {
    const result = await server.query<{
      municipalities: { items: Array<{ name: string; healthcareRegions: Array<{ id: string }> }> };
    }>('{ municipalities(region: "13") { items { name healthcareRegions { id } } } }');
    expect(result.errors).toBeUndefined();
    const byName = Object.fromEntries(
      result.data!.municipalities.items.map((m) => [m.name, m.healthcareRegions.map((h) => h.id)]),
    );
    expect(byName).toEqual({
      Hylte: ['sodra'],
      Falkenberg: ['vastra'],
      Halmstad: ['sodra'],
      Laholm: ['sodra'],
      Varberg: ['vastra'],
      Kungsbacka: ['vastra'],
    });
  });

  it("lists Södra sjukvårdsregionen's collaboration bodies from 'Samarbete för bättre vård'", async () => {
    const result = await server.query<{
      collaborationBodies: Array<{
        id: string;
        kind: string;
        members: Array<{ code: string }>;
        source: string;
      }>;
    }>('{ collaborationBodies(healthcareRegion: "sodra") { id kind members { code } source } }');
    expect(result.errors).toBeUndefined();
    const bodies = result.data!.collaborationBodies;
    expect(bodies.map((b) => b.id)).toEqual([
      'sodra-ledningsgrupp',
      'sodra-politisk-styrgrupp',
      'sodra-regionvardsnamnden',
      'sodra-samarbetsgrupp',
    ]);
    const group = bodies.find((b) => b.id === 'sodra-politisk-styrgrupp')!;
    expect(group.kind).toBe('POLITICAL_STEERING_GROUP');
    expect(group.members.map((m) => m.code)).toEqual(['07', '10', '12', '13']);
    expect(group.source).toMatch(/Samarbete för bättre vård/);
  });
});
