import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FuzzHub, startFuzzHub } from '../fuzz/hub-target.js';

/**
 * Hub fuzz findings of the alias family and of empty conditional selections, on the real hub
 * (five subgraphs, security on) as a national caller.
 *
 * - The planner never sees a client alias (gateway/execute/client-keys.ts): an alias taking the
 *   response key of a field the planner adds itself (an entity key) used to be overwritten by the
 *   planner's key (`planner-key-renamed-over-client-alias`), fail planning ("No field found for
 *   name 'code' in type 'ID'", seed 20250505 request #1404) or answer INTERNAL_SERVER_ERROR (#4418).
 * - A field whose selection set collects no fields completes to `{}` as graphql-js completes it
 *   (gateway/plan/local-fields.ts keepFieldsOfEmptySelections), not null + INTERNAL_SERVER_ERROR
 *   (`variable-conditional-fragment-left-empty`).
 */
let target: FuzzHub;
let headers: Record<string, string>;
beforeAll(async () => {
  target = await startFuzzHub();
  headers = { ...target.callers.find((c) => c.name === 'national')!.headers };
}, 60_000);
afterAll(() => target?.close());

const query = (text: string, variables?: Record<string, unknown>) =>
  target.hub.gateway.query(text, variables, headers);

type Rows = Array<Record<string, unknown>>;

describe('client aliases over the response keys the planner uses', () => {
  it('`code:` on a field with a selection set next to the entity key `code` (the fuzz repro)', async () => {
    const answer = await query(
      '{ primaryCareUnits(first: 2) { items { municipality { code: primaryCareUnits(first: 4) { totalCount } healthcareRegions { note } } } } }',
    );
    expect(answer.errors).toBeUndefined();
    const items = (answer.data as { primaryCareUnits: { items: Rows } }).primaryCareUnits.items;
    expect(items).toHaveLength(2);
    for (const item of items) {
      const municipality = item.municipality as { code: { totalCount: number }; healthcareRegions: Rows };
      expect(typeof municipality.code.totalCount).toBe('number');
      expect(municipality.healthcareRegions.length).toBeGreaterThan(0);
    }
  });

  it('`id:` on a list field of HealthcareRegion (key `id`) plans (request #1404, minimised)', async () => {
    const answer = await query(
      '{ healthcareRegions { researchStrategies { periodEnd } id: municipalities { code indicators { a14: hasNextPage } } } }',
    );
    expect(answer.errors).toBeUndefined();
    const regions = (answer.data as { healthcareRegions: Array<{ id: Rows }> }).healthcareRegions;
    expect(regions).toHaveLength(6);
    for (const region of regions) {
      expect(region.id.length).toBeGreaterThan(0);
      for (const m of region.id) expect(typeof (m.indicators as { a14: unknown }).a14).toBe('boolean');
    }
  });

  it('`id: note` next to joined fields of HealthcareRegion (request #4418, reduced)', async () => {
    const answer = await query(
      '{ healthcareRegion(id: "stockholm-gotland") { a1: regionalCancerCentre { hostRegion { clinicalTrials(first: 2) { totalCount } } } id: note realId: id } }',
    );
    expect(answer.errors).toBeUndefined();
    const region = (answer.data as { healthcareRegion: Record<string, unknown> }).healthcareRegion;
    expect(region.realId).toBe('stockholm-gotland');
    expect(region.id === null || typeof region.id === 'string').toBe(true);
    const trials = (region.a1 as { hostRegion: { clinicalTrials: { totalCount: unknown } } }).hostRegion;
    expect(typeof trials.clinicalTrials.totalCount).toBe('number');
  });

  it('keys swapped by aliases answer each client key its own field', async () => {
    // clinicalTrials is joined from another subgraph: its representation needs the real `code`.
    const text = '{ region(code: 14) { code: name name: code clinicalTrials(first: 1) { totalCount } } }';
    const answer = await query(text);
    expect(answer.errors).toBeUndefined();
    const region = (answer.data as { region: Record<string, unknown> }).region;
    const plain = await query('{ region(code: 14) { code name clinicalTrials(first: 1) { totalCount } } }');
    const expected = (plain.data as { region: Record<string, unknown> }).region;
    expect(region).toEqual({
      code: expected.name,
      name: expected.code,
      clinicalTrials: expected.clinicalTrials,
    });
    expect(region.name).toBe('14');
  });
});

describe('a field whose selection set collects no fields', () => {
  const REPRO =
    'query ($v1: Boolean!) { municipalities(region: 14) { ...F2 @skip(if: $v1) } a3: region(code: 14) { code } } fragment F2 on MunicipalityPage { items @skip(if: true) { code } }';

  it.each([true, false])('completes to {} (the fuzz repro, v1 = %s)', async (v1) => {
    const answer = await query(REPRO, { v1 });
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ municipalities: {}, a3: { code: '14' } });
  });

  it('nested and conditioned on a variable only: {} per item when excluded, the fields otherwise', async () => {
    const text =
      'query ($v: Boolean!) { region(code: 14) { municipalities { ... @include(if: $v) { code } } } }';
    const excluded = await query(text, { v: false });
    expect(excluded.errors).toBeUndefined();
    const empty = (excluded.data as { region: { municipalities: Rows } }).region.municipalities;
    expect(empty.length).toBeGreaterThan(0);
    expect(empty.every((m) => Object.keys(m).length === 0)).toBe(true);
    const included = await query(text, { v: true });
    const full = (included.data as { region: { municipalities: Rows } }).region.municipalities;
    expect(full.map((m) => Object.keys(m))).toEqual(empty.map(() => ['code']));
  });

  it('is still resolved: its own error and null (an unknown id), as graphql-js answers it', async () => {
    const answer = await query(
      'query ($v: Boolean!) { healthcareRegion(id: "nope") { ... @include(if: $v) { id } } }',
      { v: false },
    );
    expect(answer.data).toEqual({ healthcareRegion: null });
    expect(answer.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['healthcareRegion'], 'BAD_USER_INPUT'],
    ]);
  });
});
