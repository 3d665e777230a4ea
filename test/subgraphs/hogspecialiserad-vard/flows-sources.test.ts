import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MapSourceRegistry } from '../../../subgraphs/kit/index.js';
import { testRegistry } from '../../support/dataset.js';
import { CountingSource, FailingSource } from '../../support/sources.js';
import { startTestSubgraph, type TestSubgraph } from '../../support/subgraph.js';
import type { FlowPage } from './flows.js';

const DOMAIN = 'hogspecialiserad-vard';
const servers: TestSubgraph[] = [];
afterAll(async () => {
  for (const server of servers) await server.close();
});

async function start(registry: MapSourceRegistry) {
  const server = await startTestSubgraph(DOMAIN, { registry });
  servers.push(server);
  return server;
}

let counters: Map<string, CountingSource>;
let counted: TestSubgraph;
beforeAll(async () => {
  let registry = testRegistry();
  counters = new Map();
  for (const region of registry.regionsFor(DOMAIN)) {
    const counter = new CountingSource(registry.get(DOMAIN, region)!);
    counters.set(region, counter);
    registry = registry.with(DOMAIN, region, counter);
  }
  counted = await start(registry);
});

it('has a patient-flow source for each of the 21 regions', () => {
  expect(counters.size).toBe(21);
});

it('a query touching all 21 regions makes exactly one source call per region', async () => {
  const result = await counted.query<{
    patientFlows: FlowPage;
    _entities: Array<{ patientFlowsOut: { totalCount: number }; patientFlowsIn: { totalCount: number } }>;
  }>(
    `query($r: [_Any!]!) {
      patientFlows(level: YEAR_ALL_CARE_AREAS, first: 5) { totalCount items { careArea { id } fromRegion { code } } }
      _entities(representations: $r) { ... on Region {
        patientFlowsOut(level: YEAR) { totalCount } patientFlowsIn(level: YEAR, careArea: "thoraxkirurgi") { totalCount } } }
    }`,
    { r: [...counters.keys()].map((code) => ({ __typename: 'Region', code })) },
  );
  expect(result.errors).toBeUndefined();
  expect(result.data!.patientFlows.totalCount).toBe(2 * 21 * 21);
  expect(result.data!._entities).toHaveLength(21);
  for (const [region, counter] of counters) {
    expect(counter.calls, `source calls for region ${region}`).toBe(1);
    expect(counter.requests.map((r) => r.collection)).toEqual(['patientFlows']);
  }
});

it('answers for the other regions when one region source fails', async () => {
  const failing = new FailingSource();
  const server = await start(testRegistry().with(DOMAIN, '12', failing));
  const result = await server.query<{ patientFlows: FlowPage; skane: FlowPage | null }>(
    `{ patientFlows(level: YEAR_ALL_CARE_AREAS, year: 2024, first: 1000) { totalCount missingRegions items { toRegion { code } } } }`,
  );
  const page = result.data!.patientFlows;
  expect(page.missingRegions).toEqual(['12']);
  expect(page.totalCount).toBe(20 * 21);
  expect(page.items.some((c) => c.toRegion.code === '12')).toBe(false);
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors!;
  expect(error!.extensions).toMatchObject({ code: 'REGION_SOURCE_UNAVAILABLE', region: '12' });
  expect(error!.path).toEqual(['patientFlows']);
  expect(error!.message).not.toMatch(/ECONNREFUSED|10\.0\.0\.1|internal/);
  expect(failing.calls).toBe(1);
});
