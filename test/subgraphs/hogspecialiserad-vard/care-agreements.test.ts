import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '../../support/subgraph.js';

let server: TestSubgraph;
beforeAll(async () => {
  server = await startTestSubgraph('hogspecialiserad-vard');
});
afterAll(() => server.close());

const AGREEMENT = `id kind signedYear services servicesComplete hospitalStated patientArea synthetic source
  careAreas { id name } providerRegion { code } providerHospital { id }
  patientRegions { code } catchmentRegions { code } participatingRegions { code } healthcareRegion { id }
  sourceDocument { title publisher date seedFile }`;

interface Agreement {
  id: string;
  kind: string;
  signedYear: number | null;
  services: string[];
  servicesComplete: boolean;
  hospitalStated: boolean;
  patientArea: string | null;
  synthetic: boolean;
  source: string;
  careAreas: Array<{ id: string }>;
  providerRegion: { code: string };
  providerHospital: { id: string } | null;
  patientRegions: Array<{ code: string }>;
  catchmentRegions: Array<{ code: string }>;
  participatingRegions: Array<{ code: string }>;
  healthcareRegion: { id: string };
  sourceDocument: { title: string; publisher: string; date: string | null; seedFile: string };
}

it('Region Blekinge provides thorax surgery and heart care to Kronoberg under the 2015 agreement', async () => {
  const result = await server.query<{
    _entities: Array<{ code: string; careAgreementsReceived: { items: Agreement[] } } | null>;
  }>(
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Region { code
      careAgreementsReceived { totalCount items { ${AGREEMENT} } } } } }`,
    { r: [{ __typename: 'Region', code: '07' }] },
  );
  expect(result.errors).toBeUndefined();
  const thorax = result.data!._entities[0]!.careAgreementsReceived.items.find(
    (a) => a.id === 'blekinge-kronoberg-thorax-2015',
  )!;
  expect(thorax).toMatchObject({
    kind: 'BILATERAL_AGREEMENT',
    signedYear: 2015,
    providerRegion: { code: '10' },
    providerHospital: { id: 'blekingesjukhuset' },
    hospitalStated: false,
    patientRegions: [{ code: '07' }],
    catchmentRegions: [{ code: '07' }, { code: '10' }],
    healthcareRegion: { id: 'sodra' },
    synthetic: false,
    servicesComplete: false,
    sourceDocument: { publisher: 'Region Kronoberg', date: '2022-01-21' },
  });
  expect(thorax.careAreas.map((c) => c.id)).toEqual(['thoraxkirurgi', 'hogspecialiserad-hjartsjukvard']);
  expect(thorax.services).toEqual(['kranskärlsoperationer', 'hjärtklaffkirurgi']);
  expect(thorax.source).toMatch(/Region Kronoberg.*2022-01-21/);

  const blekinge = await server.query<{
    _entities: Array<{ careAgreementsProvided: { items: Array<{ id: string }> } } | null>;
  }>(
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Region {
      careAgreementsProvided { items { id } } } } }`,
    { r: [{ __typename: 'Region', code: '10' }] },
  );
  expect(blekinge.data?._entities[0]?.careAgreementsProvided.items).toEqual([
    { id: 'blekinge-kronoberg-thorax-2015' },
  ]);

  const provided = await server.query<{ careAgreements: { items: Agreement[] } }>(
    `{ careAgreements(region: "10", careArea: "thoraxkirurgi") { items { id providerRegion { code } } } }`,
  );
  expect(provided.data?.careAgreements.items.map((a) => a.id)).toEqual(['blekinge-kronoberg-thorax-2015']);
});

it("serves Södra's sub-projects without inventing start years", async () => {
  const result = await server.query<{ careAgreements: { totalCount: number; items: Agreement[] } }>(
    `{ careAgreements(region: "13") { totalCount items { ${AGREEMENT} } } }`,
  );
  expect(result.errors).toBeUndefined();
  const [spine] = result.data!.careAgreements.items;
  expect(spine).toMatchObject({
    id: 'sodra-ryggkirurgi',
    kind: 'HEALTHCARE_REGION_SUBPROJECT',
    signedYear: null,
    providerRegion: { code: '12' },
    providerHospital: null,
    patientRegions: [],
    participatingRegions: [{ code: '07' }, { code: '10' }, { code: '12' }, { code: '13' }],
    sourceDocument: { publisher: 'Region Halland', title: 'Samarbete för bättre vård', date: null },
  });

  const kidney = await server.query<{ careAgreement: Agreement }>(
    `{ careAgreement(id: "sodra-godartad-njurkirurgi") { ${AGREEMENT} } }`,
  );
  expect(kidney.data?.careAgreement).toMatchObject({
    signedYear: null,
    providerRegion: { code: '07' },
    providerHospital: { id: 'centrallasarettet-vaxjo' },
    patientRegions: [{ code: '12' }],
    patientArea: 'norra Skåne',
  });
});

it('lists the agreements a hospital provides care under', async () => {
  const result = await server.query<{
    _entities: Array<{ careAgreements: { items: Array<{ id: string }> } } | null>;
  }>(
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Hospital { careAgreements { items { id } } } } }`,
    {
      r: [
        { __typename: 'Hospital', id: 'centrallasarettet-vaxjo' },
        { __typename: 'Hospital', id: 'no-such-hospital' },
      ],
    },
  );
  expect(result.errors).toBeUndefined();
  expect(result.data!._entities[0]!.careAgreements.items).toEqual([{ id: 'sodra-godartad-njurkirurgi' }]);
  expect(result.data!._entities[1]).toBeNull();
});
