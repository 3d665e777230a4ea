import { describe, expect, it } from 'vitest';
import { RegionPolicy } from '../../gateway/security/region-policy.js';
import { bearer, mint, suiteKeyedHub } from './support.js';

/**
 * Region scoping: operational detail is visible to the regions it concerns and their
 * sjukvårdsregion partners. Every path to it — root field, entity join, nested list — is walked
 * with a token of an involved region, an uninvolved region and no token.
 */
const keyed = suiteKeyedHub();

const SCOPES = 'vardnav:flows vardnav:workforce vardnav:prices';
const token = (region: string, scope = SCOPES) => mint(keyed.key, { region, scope, sub: `user-${region}` });

it('partners: Halland belongs to Södra and Västra, so both are its partners', () => {
  const policy = RegionPolicy.fromReference();
  expect([...policy.partners('13')].sort()).toEqual(['07', '10', '12', '13', '14']);
  expect([...policy.partners('14')].sort()).toEqual(['13', '14']);
  expect(policy.partners('10').has('14')).toBe(false);
});

interface Path {
  name: string;
  query: string;
  /** Where the region-scoped counts sit, for checking values. */
  counts: (data: unknown) => Array<number | null>;
}

// Region 14 (Västra Götaland) data: involved = 14 itself or its partner 13; uninvolved = 01, 10.
const PATHS: Path[] = [
  {
    name: 'root field patientFlows',
    query:
      '{ patientFlows(level: YEAR_ALL_CARE_AREAS, fromRegion: "14", toRegion: "14") { items { count suppressed } } }',
    counts: (d) =>
      (d as { patientFlows: { items: Array<{ count: number | null }> } }).patientFlows.items.map(
        (i) => i.count,
      ),
  },
  {
    name: 'entity join Region.patientFlowsIn',
    query:
      '{ region(code: "14") { name patientFlowsIn(level: YEAR_ALL_CARE_AREAS, fromRegion: "14") { items { count } } } }',
    counts: (d) =>
      (
        d as { region: { patientFlowsIn: { items: Array<{ count: number | null }> } } }
      ).region.patientFlowsIn.items.map((i) => i.count),
  },
  {
    name: 'nested list regions → workforce → items (aliased, in a fragment)',
    query: `{ regions { code workforce(first: 3) { items { ...W } } } }
      fragment W on WorkforceFigure { headcount: count fullTimeEquivalents }`,
    counts: (d) =>
      (
        d as { regions: Array<{ code: string; workforce: { items: Array<{ headcount: number | null }> } }> }
      ).regions
        .filter((r) => r.code === '14')
        .flatMap((r) => r.workforce.items.map((i) => i.headcount)),
  },
];

describe.each(PATHS)('$name', (path) => {
  it('involved region (14) and its partner (13) see the values', async () => {
    for (const region of ['14', '13']) {
      const result = await keyed.hub.gateway.query(path.query, undefined, bearer(await token(region)));
      // Errors about region 14's own data: none (the nested path also lists other regions,
      // whose values are withheld from 13/14 unless partners).
      const regions = (result.data as { regions?: Array<{ code: string }> }).regions;
      const index14 = regions?.findIndex((r) => r.code === '14');
      const about14 = (result.errors ?? []).filter((e) => regions === undefined || e.path?.[1] === index14);
      expect(about14).toEqual([]);
      expect(path.counts(result.data).some((c) => typeof c === 'number' && c > 0)).toBe(true);
    }
  });

  it('an uninvolved region (10, Blekinge) gets null + FORBIDDEN for every value of region 14', async () => {
    const result = await keyed.hub.gateway.query(path.query, undefined, bearer(await token('10')));
    expect(path.counts(result.data).length).toBeGreaterThan(0);
    expect(path.counts(result.data).every((c) => c === null)).toBe(true);
    const codes = new Set(result.errors?.map((e) => e.extensions?.code));
    expect(codes).toEqual(new Set(['FORBIDDEN']));
  });

  it('no token: UNAUTHORIZED, nothing of it is served', async () => {
    const result = await keyed.hub.gateway.query(path.query);
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(new Set(result.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['UNAUTHORIZED']));
    expect(JSON.stringify(result.data ?? null)).not.toMatch(/"count":\d|"headcount":\d/);
  });
});

it('a national analyst scope sees every region', async () => {
  const national = await mint(keyed.key, { scope: `${SCOPES} vardnav:national`, sub: 'socialstyrelsen' });
  const result = await keyed.hub.gateway.query(PATHS[0]!.query, undefined, bearer(national));
  expect(result.errors).toBeUndefined();
});

it('the plan cache and the dedup key keep callers apart', async () => {
  const q = PATHS[0]!.query;
  const a = await keyed.hub.gateway.query(q, undefined, bearer(await token('14')));
  const b = await keyed.hub.gateway.query(q, undefined, bearer(await token('10')));
  const c = await keyed.hub.gateway.query(q);
  const d = await keyed.hub.gateway.query(q, undefined, bearer(await token('14')));
  expect(a.data).toEqual(d.data);
  expect(a.errors).toBeUndefined();
  expect(b.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(c.errors?.[0]?.extensions?.code).toBe('UNAUTHORIZED');
  // Concurrent requests of different callers: each gets its own answer.
  const [x, y, z] = await Promise.all([
    keyed.hub.gateway.query(q, undefined, bearer(await token('14'))),
    keyed.hub.gateway.query(q, undefined, bearer(await token('10'))),
    keyed.hub.gateway.query(q),
  ]);
  expect(x.errors).toBeUndefined();
  expect(y.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(z.errors?.[0]?.extensions?.code).toBe('UNAUTHORIZED');
});
