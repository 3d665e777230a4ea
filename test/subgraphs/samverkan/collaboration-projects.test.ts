import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '../../support/subgraph.js';

let server: TestSubgraph;
beforeAll(async () => {
  server = await startTestSubgraph('samverkan');
});
afterAll(() => server.close());

interface Project {
  id: string;
  name: string;
  programme: string;
  participants: Array<{ code: string }>;
  hospitals: Array<{ id: string; verified: boolean }>;
  note: string | null;
  source: string;
  synthetic: boolean;
}

it("serves the sub-projects of Södra sjukvårdsregionen's 'Samarbete för bättre vård' that the seed names", async () => {
  const result = await server.query<{
    healthcareRegion: { collaborationProjects: Project[] };
    kronoberg: Array<{ id: string }>;
  }>(`{
    healthcareRegion(id: "sodra") {
      collaborationProjects { id name programme participants { code } hospitals { id verified } note source synthetic }
    }
    kronoberg: collaborationProjects(region: "07", healthcareRegion: "sodra") { id }
  }`);
  expect(result.errors).toBeUndefined();
  const projects = result.data!.healthcareRegion.collaborationProjects;
  expect(projects.map((p) => p.name)).toEqual([
    'AT/ST-utbildningar',
    'Kirurgi för godartad njurkirurgi',
    'Ortopedi – ryggkirurgi',
  ]);
  for (const p of projects) {
    expect(p.programme).toBe('Samarbete för bättre vård');
    expect(p.synthetic).toBe(false);
    expect(p.source).toMatch(/"Samarbete för bättre vård"/);
  }
  const kidney = projects.find((p) => p.id === 'sodra-godartad-njurkirurgi')!;
  // Patients from northern Skåne are treated in Växjö: the hospital is implied, and marked unverified.
  expect(kidney.participants.map((r) => r.code)).toEqual(['07', '12']);
  expect(kidney.hospitals).toEqual([{ id: 'centrallasarettet-vaxjo', verified: false }]);
  expect(kidney.note).toMatch(/implied/);
  expect(result.data!.kronoberg).toHaveLength(3);
});
