import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '../../support/subgraph.js';

let server: TestSubgraph;
beforeAll(async () => {
  server = await startTestSubgraph('hogspecialiserad-vard');
});
afterAll(() => server.close());

interface Permit {
  id: string;
  region: { code: string };
  hospital: { id: string } | null;
  hospitalName: string | null;
}

it('serves an NHV decision with its permit-holding regions and hospitals', async () => {
  const result = await server.query<{
    nhvDecision: {
      careArea: { id: string; name: string; nameEn: string; kind: string };
      unitsDecided: number;
      decisionDate: string;
      validFrom: string;
      verified: boolean;
      holdersComplete: boolean;
      sources: string[];
      synthetic: boolean;
      permitHolders: Permit[];
    };
  }>(`{ nhvDecision(id: "hjarttransplantation") {
        careArea { id name nameEn kind } unitsDecided decisionDate validFrom verified holdersComplete sources synthetic
        permitHolders { id region { code } hospital { id } hospitalName } } }`);
  expect(result.errors).toBeUndefined();
  const decision = result.data!.nhvDecision;
  expect(decision).toMatchObject({
    careArea: {
      id: 'hjarttransplantation',
      name: 'Hjärttransplantation',
      kind: 'NATIONAL_HIGHLY_SPECIALISED',
    },
    unitsDecided: 2,
    decisionDate: '2015-12-16',
    validFrom: '2016-07-01',
    verified: true,
    holdersComplete: true,
    synthetic: false,
  });
  expect(decision.sources[0]).toMatch(/^https:\/\/www\.socialstyrelsen\.se\//);
  expect(decision.permitHolders).toEqual([
    {
      id: 'hjarttransplantation:12',
      region: { code: '12' },
      hospital: { id: 'sus' },
      hospitalName: 'Skånes universitetssjukhus (Lund)',
    },
    {
      id: 'hjarttransplantation:14',
      region: { code: '14' },
      hospital: { id: 'sahlgrenska' },
      hospitalName: 'Sahlgrenska Universitetssjukhuset',
    },
  ]);
});

it('keeps unverified decisions, region-only holders and dates as stated', async () => {
  const result = await server.query<{
    exit: { verified: boolean; holdersComplete: boolean; notes: string | null };
    dysmeli: { permitHolders: Permit[] };
    endometrios: { decisionDate: string; decisionDateAsStated: string | null };
    unknown: null;
  }>(`{
    exit: nhvDecision(id: "exit") { verified holdersComplete notes }
    dysmeli: nhvDecision(id: "dysmeli") { permitHolders { id region { code } hospital { id } hospitalName } }
    endometrios: nhvDecision(id: "endometrios") { decisionDate decisionDateAsStated }
    unknown: nhvDecision(id: "no-such-decision") { id }
  }`);
  expect(result.errors).toBeUndefined();
  expect(result.data!.exit).toMatchObject({ verified: false, holdersComplete: false });
  expect(result.data!.dysmeli.permitHolders.length).toBeGreaterThan(0);
  expect(
    result.data!.dysmeli.permitHolders.every((p) => p.hospital === null && p.hospitalName === null),
  ).toBe(true);
  expect(result.data!.endometrios).toEqual({ decisionDate: '2020', decisionDateAsStated: '2020 (spring)' });
  expect(result.data!.unknown).toBeNull();
});

it('serves Region.nhvPermits and Hospital.nhvPermits and filters decisions by region', async () => {
  const result = await server.query<{
    _entities: Array<{
      nhvPermits: { totalCount: number; items: Array<{ decision: { id: string } }> };
    } | null>;
  }>(
    `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Region { nhvPermits(first: 100) { totalCount items { decision { id } } } }
      ... on Hospital { nhvPermits(first: 100) { totalCount items { decision { id } } } } } }`,
    {
      r: [
        { __typename: 'Region', code: '18' },
        { __typename: 'Hospital', id: 'uso' },
        { __typename: 'Region', code: '99' },
      ],
    },
  );
  expect(result.errors).toBeUndefined();
  const [orebro, uso, unknown] = result.data!._entities;
  // Dysmeli: the source names Region Örebro län but no hospital, so only the region holds it here.
  expect(orebro!.nhvPermits.items.map((p) => p.decision.id)).toEqual(['dysmeli', 'peniscancer']);
  expect(uso!.nhvPermits.items.map((p) => p.decision.id)).toEqual(['peniscancer']);
  expect(unknown).toBeNull();

  const filtered = await server.query<{ nhvDecisions: { totalCount: number; items: Array<{ id: string }> } }>(
    '{ nhvDecisions(region: "18") { totalCount items { id } } }',
  );
  expect(filtered.data?.nhvDecisions).toEqual({
    totalCount: 2,
    items: [{ id: 'dysmeli' }, { id: 'peniscancer' }],
  });
  const all = await server.query<{ nhvDecisions: { totalCount: number } }>('{ nhvDecisions { totalCount } }');
  expect(all.data?.nhvDecisions.totalCount).toBe(50);
});
