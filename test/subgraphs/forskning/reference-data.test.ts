import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '../../support/subgraph.js';

let server: TestSubgraph;
beforeAll(async () => {
  server = await startTestSubgraph('forskning');
});
afterAll(() => server.close());

const UNIVERSITY_HOSPITALS = ['akademiska', 'karolinska', 'nus', 'sahlgrenska', 'sus', 'us-linkoping', 'uso'];

describe('universities, faculties and ALF regions (real data)', () => {
  it('serves the seven ALF regions with their university and university hospital', async () => {
    const result = await server.query<{
      alfRegions: Array<{
        region: { code: string };
        validFrom: string;
        university: { name: string };
        universityHospital: { id: string };
        synthetic: boolean;
        source: string;
      }>;
    }>(
      '{ alfRegions { region { code } validFrom university { name } universityHospital { id } synthetic source } }',
    );
    expect(result.errors).toBeUndefined();
    const alf = result.data!.alfRegions;
    expect(alf.map((a) => a.region.code)).toEqual(['01', '03', '05', '12', '14', '18', '24']);
    expect(alf.map((a) => a.universityHospital.id).sort()).toEqual(UNIVERSITY_HOSPITALS);
    expect(alf.find((a) => a.region.code === '18')!.university.name).toBe('Örebro universitet');
    for (const a of alf) {
      expect(a.validFrom).toBe('2015-01-01');
      expect(a.synthetic).toBe(false);
      expect(a.source).toMatch(/university-hospitals\.json/);
      expect(a.source).toMatch(/https:\/\//);
    }
  });

  it('serves seven medical faculties, each with its university, home region and satellite/VFU sites', async () => {
    const result = await server.query<{
      medicalFaculties: Array<{
        id: string;
        name: string;
        linkedRegion: { code: string };
        university: { id: string; medicalFaculty: { id: string } };
        universityHospital: { id: string };
        satelliteSites: Array<{ name: string; region: { code: string } }>;
        vfuRegions: Array<{ code: string }>;
        synthetic: boolean;
      }>;
      universities: Array<{ id: string }>;
    }>(`{
      universities { id }
      medicalFaculties {
        id name linkedRegion { code } university { id medicalFaculty { id } } universityHospital { id }
        satelliteSites { name region { code } } vfuRegions { code } synthetic
      }
    }`);
    expect(result.errors).toBeUndefined();
    const { medicalFaculties: faculties, universities } = result.data!;
    expect(faculties).toHaveLength(7);
    expect(universities).toHaveLength(7);
    expect(faculties.map((f) => f.universityHospital.id).sort()).toEqual(UNIVERSITY_HOSPITALS);
    for (const f of faculties) {
      expect(f.university.medicalFaculty.id).toBe(f.id);
      expect(f.synthetic).toBe(false);
    }
    const umea = faculties.find((f) => f.university.id === 'umea-universitet')!;
    expect(umea.linkedRegion.code).toBe('24');
    expect(umea.satelliteSites.map((s) => s.region.code).sort()).toEqual(['22', '23', '25']);
    const orebro = faculties.find((f) => f.university.id === 'orebro-universitet')!;
    expect(orebro.name).toBe('Fakulteten för medicin och hälsa');
    expect(orebro.vfuRegions.map((r) => r.code)).toEqual(['17', '18', '20']);
  });

  it('filters faculties by the region they educate in', async () => {
    const result = await server.query<{ medicalFaculties: Array<{ id: string }> }>(
      '{ medicalFaculties(region: "25") { id } }',
    );
    expect(result.data!.medicalFaculties.map((f) => f.id)).toEqual(['umea-universitet-medicin']);
  });
});

describe('regional cancer centres (real data)', () => {
  it('serves six RCCs, one per healthcare region, with the host region marked medium confidence', async () => {
    const result = await server.query<{
      regionalCancerCentres: Array<{
        name: string;
        healthcareRegion: { id: string };
        hostRegion: { code: string } | null;
        hostConfidence: string;
        hostVerified: boolean;
        synthetic: boolean;
        source: string;
      }>;
    }>(
      '{ regionalCancerCentres { name healthcareRegion { id } hostRegion { code } hostConfidence hostVerified synthetic source } }',
    );
    expect(result.errors).toBeUndefined();
    const rccs = result.data!.regionalCancerCentres;
    expect(rccs.map((r) => r.healthcareRegion.id)).toEqual([
      'mellansverige',
      'norra',
      'sodra',
      'stockholm-gotland',
      'sydostra',
      'vastra',
    ]);
    expect(rccs.find((r) => r.healthcareRegion.id === 'mellansverige')!.name).toBe('RCC Mellansverige');
    expect(rccs.find((r) => r.name === 'RCC Norr')!.hostRegion).toEqual({ code: '24' });
    for (const r of rccs) {
      expect(r.hostConfidence).toBe('medium');
      expect(r.hostVerified).toBe(false);
      expect(r.synthetic).toBe(false);
      expect(r.source).toMatch(/cancercentrum\.se/);
    }
  });
});

describe('research strategies (real data, from the seed documents)', () => {
  const PDF =
    'https://www.svnuppsalaorebro.se/samverkan/attachment/beslutad_strategi_forskning_inom_halso_sjukvard_2018_2024.pdf';

  it("serves Mellansverige's strategy 2018–2024 with its source and follow-up task", async () => {
    const result = await server.query<{
      researchStrategies: Array<{
        title: string;
        healthcareRegion: { id: string };
        periodStart: number;
        periodEnd: number;
        documentUrl: string;
        followUps: Array<{ plan: string; task: string }>;
        source: string;
        synthetic: boolean;
      }>;
    }>(
      '{ researchStrategies(healthcareRegion: "mellansverige") { title healthcareRegion { id } periodStart periodEnd documentUrl followUps { plan task } source synthetic } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.researchStrategies).toEqual([
      {
        title: 'Strategi för forskning inom hälso- och sjukvård 2018–2024',
        healthcareRegion: { id: 'mellansverige' },
        periodStart: 2018,
        periodEnd: 2024,
        documentUrl: PDF,
        followUps: [
          {
            plan: 'Verksamhetsplan 2021–2024',
            task: 'Följa upp arbetet med Strategi för forskning inom hälso- och sjukvård 2018–2024',
          },
        ],
        source: expect.stringContaining(PDF),
        synthetic: false,
      },
    ]);
    expect(result.data!.researchStrategies[0]!.source).toMatch(/seeds\/001_/);
  });

  it('filters strategies by year in their period', async () => {
    const active = async (year: number) =>
      (
        await server.query<{ researchStrategies: unknown[] }>(
          `{ researchStrategies(activeInYear: ${year}) { id } }`,
        )
      ).data!.researchStrategies.length;
    expect(await active(2018)).toBe(1);
    expect(await active(2024)).toBe(1);
    expect(await active(2025)).toBe(0);
  });
});

describe('entity fields', () => {
  it('resolves HealthcareRegion and Hospital references with the research fields', async () => {
    const result = await server.query<{
      _entities: Array<
        | { regionalCancerCentre?: { name: string }; researchStrategies?: Array<{ id: string }> }
        | { university?: { id: string } | null }
        | null
      >;
    }>(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on HealthcareRegion { regionalCancerCentre { name } researchStrategies { id } }
        ... on Hospital { university { id } }
      } }`,
      {
        r: [
          { __typename: 'HealthcareRegion', id: 'mellansverige' },
          { __typename: 'HealthcareRegion', id: 'norra' },
          { __typename: 'HealthcareRegion', id: 'atlantis' },
          { __typename: 'Hospital', id: 'uso' },
          { __typename: 'Hospital', id: 'blekingesjukhuset' },
          { __typename: 'Hospital', id: 'no-such-hospital' },
        ],
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual([
      {
        regionalCancerCentre: { name: 'RCC Mellansverige' },
        researchStrategies: [{ id: 'mellansverige-forskning-2018-2024' }],
      },
      { regionalCancerCentre: { name: 'RCC Norr' }, researchStrategies: [] },
      null,
      { university: { id: 'orebro-universitet' } },
      { university: null },
      null,
    ]);
  });

  it('gives the seven university hospitals their university', async () => {
    const result = await server.query<{ _entities: Array<{ university: { name: string } | null }> }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Hospital { university { name } } } }',
      { r: UNIVERSITY_HOSPITALS.map((id) => ({ __typename: 'Hospital', id })) },
    );
    expect(result.data!._entities.map((e) => e.university?.name)).toEqual([
      'Uppsala universitet',
      'Karolinska Institutet',
      'Umeå universitet',
      'Göteborgs universitet',
      'Lunds universitet',
      'Linköpings universitet',
      'Örebro universitet',
    ]);
  });

  it('gives a region its ALF status and the faculties educating there', async () => {
    const result = await server.query<{
      _entities: Array<{
        alfRegion: { university: { id: string } } | null;
        medicalFaculties: Array<{ id: string }>;
      }>;
    }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Region { alfRegion { university { id } } medicalFaculties { id } } } }',
      { r: ['18', '17', '08'].map((code) => ({ __typename: 'Region', code })) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual([
      {
        alfRegion: { university: { id: 'orebro-universitet' } },
        medicalFaculties: [{ id: 'orebro-universitet-medicin' }],
      },
      { alfRegion: null, medicalFaculties: [{ id: 'orebro-universitet-medicin' }] },
      { alfRegion: null, medicalFaculties: [] },
    ]);
  });
});
