import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { silentLogger } from '../../core/log.js';
import { PlannerCrashed, PlannerProcess } from '../../gateway/plan/isolated/planner-process.js';
import { startShop } from '../fixtures/shop/index.js';
import { startTestHub, type TestHub } from '../support/hub.js';

/**
 * The native query planner aborts its process on some operations (router-query-planner 0.0.38
 * panics with "Failed to minify: TypeNotFound" on the text below; found by the hub fuzz). It runs
 * in a process of its own (gateway/plan/isolated/planner-process.ts), so such an operation fails
 * alone with QUERY_PLANNING_FAILED, the gateway keeps serving, and the operation is refused from
 * then on without reaching the planner again.
 *
 * The client operation that crashed it (`id: municipalities …` next to HealthcareRegion's key
 * `id`) no longer reaches the planner in that form: the gateway plans client aliases under
 * stand-ins of its own (gateway/execute/client-keys.ts) and answers it. The crashing text is
 * therefore handed to the gateway's running planner process directly.
 */
const CRASHES_THE_PLANNER = `query ($s: Boolean!) {
  healthcareRegions { regionalCancerCentre { name } id: municipalities { ...F @skip(if: $s) } }
}
fragment F on Municipality { code }`;

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

const supergraph = () => {
  const current = hub.gateway.gateway.manager.current;
  if (!current) throw new Error('no supergraph');
  return current;
};

/** The serving supergraph's planner process (private to OperationPlanner: a test's look inside). */
const plannerProcess = () =>
  (supergraph().planner as unknown as { planner: Pick<PlannerProcess, 'planAsync'> }).planner;

it('an operation that crashes the planner fails alone; the gateway keeps serving and plans the next one', async () => {
  await expect(plannerProcess().planAsync(CRASHES_THE_PLANNER, null)).rejects.toBeInstanceOf(PlannerCrashed);

  const next = await hub.gateway.query('{ healthcareRegions { id name } }');
  expect(next.errors).toBeUndefined();
  expect((next.data as { healthcareRegions: unknown[] }).healthcareRegions).toHaveLength(6);
  // A new operation needs the planner: it was restarted, once.
  const planned = await hub.gateway.query('{ regions { code name } }');
  expect(planned.errors).toBeUndefined();
  expect(supergraph().plannerRestarts()).toBe(1);
});

it('the same operation again is refused without reaching the planner (no crash loop)', async () => {
  const before = (await hub.gateway.query('{ __typename }')).status;
  expect(before).toBe(200);
  for (let i = 0; i < 3; i++) {
    await expect(plannerProcess().planAsync(CRASHES_THE_PLANNER, null)).rejects.toThrow(
      'this operation crashed the query planner before',
    );
  }
  const fresh = await hub.gateway.query('{ municipalities(first: 2) { items { code } } }');
  expect(fresh.errors).toBeUndefined();
  expect(supergraph().plannerRestarts()).toBe(1);
});

it('the client operation that crashed the planner is answered (its alias never reaches the planner)', async () => {
  const answered = await hub.gateway.query(CRASHES_THE_PLANNER, { s: false });
  expect(answered.errors).toBeUndefined();
  const regions = (answered.data as { healthcareRegions: Array<{ id: Array<{ code: string }> }> })
    .healthcareRegions;
  expect(regions).toHaveLength(6);
  expect(regions.every((r) => r.id.length > 0 && r.id.every((m) => /^\d{4}$/.test(m.code)))).toBe(true);
  const skipped = await hub.gateway.query(CRASHES_THE_PLANNER, { s: true });
  expect(skipped.errors).toBeUndefined();
  expect(
    (skipped.data as { healthcareRegions: Array<{ id: unknown[] }> }).healthcareRegions[0]!.id[0],
  ).toEqual({});
  expect(supergraph().plannerRestarts()).toBe(1);
});

it('a planner that takes longer than planTimeoutMs is restarted; the operation fails alone', async () => {
  const shop = await startShop();
  const { planner } = await PlannerProcess.start(readFileSync(shop.supergraphPath, 'utf8'), {
    logger: silentLogger,
    planTimeoutMs: 300,
    loadTimeoutMs: 30_000,
  });
  try {
    // A stopped process stands in for a planner that hangs: it never answers.
    const pid = planner.pid;
    if (pid === undefined) throw new Error('no planner process');
    process.kill(pid, 'SIGSTOP');
    await expect(planner.planAsync('{ products { name } }', null)).rejects.toThrow(
      'the query planner took longer than 300 ms',
    );
    // The hung process was killed; the next operation gets a new one and is planned.
    const plan = await planner.planAsync('{ me { name } }', null);
    expect(plan.node?.kind).toBe('Fetch');
    expect(planner.restarts).toBe(1);
    expect(planner.pid).not.toBe(pid);
    // The operation that hung is refused from now on.
    await expect(planner.planAsync('{ products { name } }', null)).rejects.toThrow(
      'this operation crashed the query planner before',
    );
  } finally {
    planner.close();
    await shop.close();
  }
});
