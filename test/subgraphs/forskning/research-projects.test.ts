import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '../../support/subgraph.js';
import { byStartThenId, rawProjects } from './raw-dataset.js';

let server: TestSubgraph;
beforeAll(async () => {
  server = await startTestSubgraph('forskning');
});
afterAll(() => server.close());

interface ProjectItem {
  id: string;
  startYear: number;
  endYear: number;
  researchArea: string;
  leadRegion: { code: string };
  participatingRegions: Array<{ code: string }>;
  university: { id: string } | null;
  synthetic: boolean;
  source: string;
}
interface ProjectPage {
  researchProjects: {
    totalCount: number;
    offset: number;
    hasNextPage: boolean;
    missingRegions: string[];
    items: ProjectItem[];
  };
}
const ITEM =
  'id startYear endYear researchArea leadRegion { code } participatingRegions { code } university { id } synthetic source';

async function projects(args: string) {
  const result = await server.query<ProjectPage>(
    `{ researchProjects(${args}) { totalCount offset hasNextPage missingRegions items { ${ITEM} } } }`,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.researchProjects;
}

describe('researchProjects (SYNTHETIC)', () => {
  it('lists every region’s projects in a stable order (start year, then id), labelled synthetic', async () => {
    const raw = rawProjects();
    const all = await projects('first: 1000');
    expect(all.totalCount).toBe(raw.length);
    expect(all.missingRegions).toEqual([]);
    expect(all.items.map((p) => p.id)).toEqual([...raw].sort(byStartThenId).map((p) => p.id));
    expect(new Set(all.items.map((p) => p.leadRegion.code)).size).toBe(21);
    for (const p of all.items) {
      expect(p.synthetic).toBe(true);
      expect(p.source).toMatch(/SYNTHETIC/);
    }
  });

  it('pages without overlap or gaps, with hasNextPage', async () => {
    const all = await projects('first: 1000');
    const seen: string[] = [];
    for (let offset = 0; offset < all.totalCount; offset += 17) {
      const page = await projects(`first: 17, offset: ${offset}`);
      expect(page.offset).toBe(offset);
      expect(page.totalCount).toBe(all.totalCount);
      expect(page.hasNextPage).toBe(offset + 17 < all.totalCount);
      seen.push(...page.items.map((p) => p.id));
    }
    expect(seen).toEqual(all.items.map((p) => p.id));
  });

  it('lists participating regions including the lead region', async () => {
    const all = await projects('first: 1000');
    expect(all.items.some((p) => p.participatingRegions.length > 1)).toBe(true);
    for (const p of all.items) {
      const codes = p.participatingRegions.map((r) => r.code);
      expect(codes).toContain(p.leadRegion.code);
      expect(codes).toEqual([...codes].sort());
      expect(p.university).not.toBeNull();
    }
  });

  it('filters by participating region, lead region, research area, active year and university', async () => {
    const raw = rawProjects();
    const ids = (list: Array<{ id: string }>) => list.map((p) => p.id).sort();

    const in18 = await projects('region: "18", first: 1000');
    expect(ids(in18.items)).toEqual(ids(raw.filter((p) => p.participatingRegionCodes.includes('18'))));
    expect(in18.items.some((p) => p.leadRegion.code !== '18')).toBe(true);

    const led18 = await projects('leadRegion: "18", first: 1000');
    expect(ids(led18.items)).toEqual(ids(raw.filter((p) => p.leadRegionCode === '18')));

    const cancer = await projects('researchArea: CANCER, first: 1000');
    expect(cancer.totalCount).toBeGreaterThan(0);
    expect(ids(cancer.items)).toEqual(ids(raw.filter((p) => p.researchArea === 'CANCER')));

    const active = await projects('activeInYear: 2020, first: 1000');
    expect(active.totalCount).toBeGreaterThan(0);
    expect(ids(active.items)).toEqual(ids(raw.filter((p) => p.startYear <= 2020 && 2020 <= p.endYear)));

    const umea = await projects('university: "umea-universitet", first: 1000');
    expect(umea.totalCount).toBeGreaterThan(0);
    expect(ids(umea.items)).toEqual(ids(raw.filter((p) => p.universityId === 'umea-universitet')));

    const combined = await projects('region: "24", activeInYear: 2022, first: 1000');
    expect(ids(combined.items)).toEqual(
      ids(
        raw.filter(
          (p) => p.participatingRegionCodes.includes('24') && p.startYear <= 2022 && p.endYear >= 2022,
        ),
      ),
    );
  });

  it('finds one project by id, with its yearly funding by funder type', async () => {
    const raw = rawProjects().find((p) => p.leadRegionCode === '18')!;
    const result = await server.query<{
      researchProject: {
        id: string;
        totalFundingSek: number;
        funding: Array<{
          year: number;
          funderType: string;
          funderName: string;
          amountSek: number;
          synthetic: boolean;
        }>;
      };
      missing: null;
    }>(
      `{ researchProject(id: "${raw.id}") { id totalFundingSek funding { year funderType funderName amountSek synthetic } }
         missing: researchProject(id: "FP-18-9999") { id } }`,
    );
    expect(result.errors).toBeUndefined();
    const project = result.data!.researchProject;
    expect(project.id).toBe(raw.id);
    expect(project.funding.map(({ synthetic: _, ...f }) => f)).toEqual(raw.funding);
    expect(project.totalFundingSek).toBe(raw.funding.reduce((s, f) => s + f.amountSek, 0));
    expect(result.data!.missing).toBeNull();
  });

  it('Region.researchProjects lists the region’s own projects, or all it takes part in', async () => {
    const raw = rawProjects();
    const result = await server.query<{
      _entities: Array<{
        own: { totalCount: number };
        all: { totalCount: number; missingRegions: string[] };
      }>;
    }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Region {
        own: researchProjects { totalCount }
        all: researchProjects(includeParticipating: true) { totalCount missingRegions }
      } } }`,
      { r: [{ __typename: 'Region', code: '03' }] },
    );
    expect(result.errors).toBeUndefined();
    const [uppsala] = result.data!._entities;
    expect(uppsala!.own.totalCount).toBe(raw.filter((p) => p.leadRegionCode === '03').length);
    expect(uppsala!.all.totalCount).toBe(raw.filter((p) => p.participatingRegionCodes.includes('03')).length);
  });
});

describe('researchFunding (SYNTHETIC)', () => {
  it('sums funding per lead region, year and funder type; ALF only for ALF regions', async () => {
    const raw = rawProjects();
    const result = await server.query<{
      researchFunding: {
        totalCount: number;
        items: Array<{
          region: { code: string };
          year: number;
          funderType: string;
          amountSek: number;
          projectCount: number;
          synthetic: boolean;
        }>;
      };
      alf: { items: Array<{ region: { code: string } }> };
    }>(`{
      researchFunding(region: "18", year: 2020) { totalCount items { region { code } year funderType amountSek projectCount synthetic } }
      alf: researchFunding(funderType: ALF, first: 1000) { items { region { code } } }
    }`);
    expect(result.errors).toBeUndefined();
    const expected = new Map<string, { amount: number; projects: number }>();
    for (const p of raw.filter((x) => x.leadRegionCode === '18')) {
      for (const f of p.funding.filter((x) => x.year === 2020)) {
        const cell = expected.get(f.funderType) ?? { amount: 0, projects: 0 };
        cell.amount += f.amountSek;
        cell.projects += 1;
        expected.set(f.funderType, cell);
      }
    }
    const items = result.data!.researchFunding.items;
    expect(items.map((i) => i.funderType)).toEqual([...expected.keys()].sort());
    for (const item of items) {
      expect(item.region.code).toBe('18');
      expect(item.year).toBe(2020);
      expect(item.amountSek).toBe(expected.get(item.funderType)!.amount);
      expect(item.projectCount).toBe(expected.get(item.funderType)!.projects);
      expect(item.synthetic).toBe(true);
    }
    const alfRegions = new Set(result.data!.alf.items.map((i) => i.region.code));
    expect(alfRegions.size).toBeGreaterThan(0);
    expect([...alfRegions].every((c) => ['01', '03', '05', '12', '14', '18', '24'].includes(c))).toBe(true);
  });
});
