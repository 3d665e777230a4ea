import { Agent, request } from 'undici';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createLogger } from '../../core/log.js';
import { DEFAULT_SECURITY } from '../../gateway/security/options.js';
import { startTestGateway, type TestGateway } from '../fixtures/harness.js';
import { until } from '../fixtures/held-subgraph.js';
import { type ShelfGraph, startShelfGraph } from '../fixtures/shelf.js';

/**
 * A client that goes away (or a request past its deadline) cancels its subgraph work: the
 * subgraph sees its request closed, later plan nodes never start, a round trip shared with
 * another client (in-flight deduplication) is aborted only when every client has left, and the
 * gateway keeps serving. Counts are taken on the subgraph's side (its `close` events).
 */
const QUERY = '{ items { name detail } }';
const ANSWER = {
  items: [
    { name: 'Spjälsäng', detail: 'detalj i1' },
    { name: 'Rullator', detail: 'detalj i2' },
    { name: 'Stetoskop', detail: 'detalj i3' },
  ],
};

let graph: ShelfGraph;
let gateway: TestGateway;
/** Without deduplication (as for mutations), and with a short request deadline. */
let strict: TestGateway;
const logs: Array<{ level: string; msg: string }> = [];
/** The test clients' own connections, closed before the gateways (undici reconnects after an abort). */
const clients = new Agent();
beforeAll(async () => {
  graph = await startShelfGraph();
  const logger = createLogger('debug', {}, (line) => logs.push(JSON.parse(line)));
  gateway = await startTestGateway(graph.supergraphPath, { logger });
  strict = await startTestGateway(graph.supergraphPath, {
    logger,
    dedupeSubgraphRequests: false,
    security: { ...DEFAULT_SECURITY, requestDeadlineMs: 300 },
  });
});
afterAll(async () => {
  await clients.close();
  await gateway?.close();
  await strict?.close();
  await graph?.close();
});
beforeEach(() => {
  graph.reset();
  logs.length = 0;
});

/** A real client request to a gateway that can be aborted; `settled` says how it ended. */
function client(target: TestGateway = gateway) {
  const controller = new AbortController();
  const response = request(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY }),
    signal: controller.signal,
    dispatcher: clients,
  }).then(async (r) => ({ status: r.statusCode, body: (await r.body.json()) as unknown }));
  const settled = response.then(
    () => 'answered' as const,
    () => 'aborted' as const,
  );
  return { abort: () => controller.abort(), response, settled };
}

const closedLogs = () => logs.filter((l) => l.msg === 'client_closed').length;
const problems = () => logs.filter((l) => l.level === 'warn' || l.level === 'error');

it('a client that disconnects: its subgraph request is closed and later plan nodes never run', async () => {
  graph.shelf.holding = true;
  const leaving = client();
  await until(() => graph.shelf.started === 1, 'the shelf request to start');
  leaving.abort();
  expect(await leaving.settled).toBe('aborted');
  await until(() => graph.shelf.closedEarly === 1, 'the shelf subgraph to see its request closed');
  graph.shelf.release();

  // The gateway keeps serving; the detail subgraph only ever sees this follow-up's entity fetch.
  const next = await gateway.query(QUERY);
  expect(next.data).toEqual(ANSWER);
  expect(graph.shelf.started).toBe(2);
  expect(graph.detail.started).toBe(1);
  expect(gateway.gateway.client.dedup.size).toBe(0);
  // Logged once at debug, never as a subgraph failure.
  expect(closedLogs()).toBe(1);
  expect(problems()).toEqual([]);
});

it('two identical clients share the shelf request: one leaving neither aborts it nor the other’s answer', async () => {
  const dedup = gateway.gateway.client.dedup;
  const joined = dedup.joined;
  graph.shelf.holding = true;
  const leaving = client();
  await until(() => graph.shelf.started === 1, 'the first shelf request to start');
  const staying = client();
  await until(() => dedup.joined === joined + 1, 'the second client to join the shared shelf request');
  leaving.abort();
  expect(await leaving.settled).toBe('aborted');
  await until(() => closedLogs() === 1, 'the gateway to see the first client leave');
  graph.shelf.release();

  expect((await staying.response).body).toEqual({ data: ANSWER });
  expect(graph.shelf.closedEarly).toBe(0);
  expect(graph.shelf.started).toBe(1);
  // The leaving client's plan stopped: its entity fetch neither went out nor joined the other's.
  expect(graph.detail.started).toBe(1);
  expect(dedup.joined).toBe(joined + 1);
  expect(dedup.size).toBe(0);
  expect(problems()).toEqual([]);
});

it('many waiters on one shared request: 20 of 25 leave, 5 are answered, no listener warning', async () => {
  const dedup = gateway.gateway.client.dedup;
  const joined = dedup.joined;
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);
  process.on('warning', onWarning);
  try {
    graph.shelf.holding = true;
    const waiters = [client()];
    await until(() => graph.shelf.started === 1, 'the first shelf request to start');
    for (let i = 0; i < 24; i++) waiters.push(client());
    await until(() => dedup.joined === joined + 24, 'all 24 other clients to join');
    // The client whose request started the round trip leaves too: the others keep it alive.
    const leaving = waiters.slice(0, 20);
    for (const c of leaving) c.abort();
    expect(new Set(await Promise.all(leaving.map((c) => c.settled)))).toEqual(new Set(['aborted']));
    await until(() => closedLogs() === 20, 'the gateway to see 20 clients leave');
    expect(graph.shelf.closedEarly).toBe(0);
    graph.shelf.release();

    const answers = await Promise.all(waiters.slice(20).map((c) => c.response));
    for (const answer of answers) expect(answer.body).toEqual({ data: ANSWER });
    expect(graph.shelf.started).toBe(1);
    expect(graph.shelf.closedEarly).toBe(0);
    expect(dedup.size).toBe(0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.map((w) => w.name)).not.toContain('MaxListenersExceededWarning');
  } finally {
    process.off('warning', onWarning);
  }
});

it('when every waiter leaves, the shared request is aborted and does not poison the next one', async () => {
  const dedup = gateway.gateway.client.dedup;
  const { joined, abandoned } = dedup;
  graph.shelf.holding = true;
  const waiters = [client()];
  await until(() => graph.shelf.started === 1, 'the first shelf request to start');
  waiters.push(client(), client());
  await until(() => dedup.joined === joined + 2, 'two clients to join');
  for (const c of waiters) c.abort();
  await Promise.all(waiters.map((c) => c.settled));
  await until(() => graph.shelf.closedEarly === 1, 'the shelf subgraph to see the shared request closed');
  expect(dedup.abandoned).toBe(abandoned + 1);
  expect(dedup.size).toBe(0);
  graph.shelf.release();

  const next = await gateway.query(QUERY);
  expect(next.data).toEqual(ANSWER);
  expect(graph.shelf.started).toBe(2);
  expect(graph.detail.started).toBe(1);
  expect(problems()).toEqual([]);
});

it('without deduplication a disconnecting client still closes its subgraph request', async () => {
  graph.shelf.holding = true;
  const leaving = client(strict);
  await until(() => graph.shelf.started === 1, 'the shelf request to start');
  leaving.abort();
  await until(() => graph.shelf.closedEarly === 1, 'the shelf subgraph to see its request closed');
  graph.shelf.release();
  expect((await strict.query(QUERY)).data).toEqual(ANSWER);
  expect(graph.detail.started).toBe(1);
  expect(problems()).toEqual([]);
});

it('the request deadline aborts the subgraph request and answers REQUEST_DEADLINE_EXCEEDED', async () => {
  graph.shelf.holding = true;
  const result = await strict.query(QUERY);
  expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['REQUEST_DEADLINE_EXCEEDED']);
  expect(result.status).toBe(504);
  await until(() => graph.shelf.closedEarly === 1, 'the shelf subgraph to see its request closed');
  graph.shelf.release();
  expect(graph.detail.started).toBe(0);
  expect(closedLogs()).toBe(0);
  expect(problems()).toEqual([]);
});
