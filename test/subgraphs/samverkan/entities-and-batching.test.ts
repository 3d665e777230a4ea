import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NATIONAL } from '../../../subgraphs/kit/index.js';
import { testRegistry } from '../../support/dataset.js';
import { countingRegistry, FailingSource } from '../../support/sources.js';
import { startTestSubgraph, type TestSubgraph } from '../../support/subgraph.js';

const counting = countingRegistry(testRegistry());
let server: TestSubgraph;
let failing: TestSubgraph;
beforeAll(async () => {
  server = await startTestSubgraph('samverkan', { registry: counting.registry });
  failing = await startTestSubgraph('samverkan', {
    registry: testRegistry().with('samverkan', NATIONAL, new FailingSource()),
  });
});
afterAll(async () => {
  await server.close();
  await failing.close();
});

describe('entities of the backbone', () => {
  it('resolves references of every entity type; unknown keys give null', async () => {
    const representations = [
      { __typename: 'Region', code: '18' },
      { __typename: 'HealthcareRegion', id: 'sodra' },
      { __typename: 'Municipality', code: '1864' },
      { __typename: 'Hospital', id: 'uso' },
      { __typename: 'CollaborationAgreement', id: 'mellansverige-samverkansavtal-2021' },
      { __typename: 'CollaborationBody', id: 'sodra-ledningsgrupp' },
      { __typename: 'Region', code: '99' },
      { __typename: 'HealthcareRegion', id: 'nowhere' },
      { __typename: 'Municipality', code: 'x' },
      { __typename: 'Hospital', id: 'Nowhere' },
      { __typename: 'CollaborationAgreement', id: '' },
      { __typename: 'CollaborationBody', id: 'none' },
    ];
    const result = await server.query<{ _entities: Array<{ label: string } | null> }>(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Region { label: name }
        ... on HealthcareRegion { label: name }
        ... on Municipality { label: name }
        ... on Hospital { label: name }
        ... on CollaborationAgreement { label: title }
        ... on CollaborationBody { label: name }
      } }`,
      { r: representations },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities.map((e) => e?.label ?? null)).toEqual([
      'Region Örebro län',
      'Södra sjukvårdsregionen',
      'Ljusnarsberg',
      'Universitetssjukhuset Örebro',
      'Avtal om samverkan i Sjukvårdsregion Mellansverige',
      'Ledningsgruppen för Södra sjukvårdsregionen',
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('asks the national source once per request, however deep the query walks', async () => {
    counting.reset();
    const result = await server.query(`{
      healthcareRegions {
        regions { region { municipalities { healthcareRegions { id } } hospitals { municipality { code } } } }
        collaborationBody { members { code } collaborationAgreements { parties { code } } }
        universityHospitals { region { code } }
      }
      collaborationAgreements { items { activityPlans { adoptedBy { id } agreement { id } items { text } } } }
      hospitals(first: 1000) { items { healthcareRegion { id } } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(counting.calls('samverkan')).toEqual({ [NATIONAL]: 1 });
  });

  it('marks every record real (synthetic: false) with a source', async () => {
    const result = await server.query<Record<string, Array<{ synthetic: boolean; source: string }>>>(`{
      regions { synthetic source }
      healthcareRegions { synthetic source }
      collaborationBodies { synthetic source }
    }`);
    expect(result.errors).toBeUndefined();
    for (const records of Object.values(result.data!)) {
      for (const record of records) {
        expect(record.synthetic).toBe(false);
        expect(record.source.length).toBeGreaterThan(10);
      }
    }
  });

  it('reports a failing national source with a stable code and no internal detail', async () => {
    const result = await failing.query<{ region: null }>('{ region(code: "18") { name } }');
    expect(result.data?.region ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('REGION_SOURCE_UNAVAILABLE');
    expect(result.errors?.[0]?.message).not.toMatch(/ECONNREFUSED|10\.0\.0\.1/);
  });
});
