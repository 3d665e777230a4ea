import { getEventListeners, setMaxListeners } from 'node:events';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SubgraphClient } from '../../gateway/transport/subgraph-client.js';
import { until } from '../fixtures/held-subgraph.js';
import { type ShelfGraph, startShelfGraph } from '../fixtures/shelf.js';

/**
 * The subgraph client removes every abort listener it adds once its request settles, whether the
 * round trip was shared (in-flight deduplication) or not: a request signal never accumulates
 * listeners (client-disconnect.test.ts covers what aborting does).
 */
let graph: ShelfGraph;
beforeAll(async () => {
  graph = await startShelfGraph();
});
afterAll(async () => {
  await graph?.close();
});

it('no abort listener outlives its subgraph request, shared or not', async () => {
  const transport = new SubgraphClient({
    connections: 4,
    requestIdHeader: 'x-request-id',
    maxResponseBytes: 1 << 20,
  });
  try {
    const controller = new AbortController();
    // As the gateway's per-request signal (respond/cancellation.ts): one listener per concurrent fetch.
    setMaxListeners(0, controller.signal);
    const send = (i: number) =>
      transport.send({
        subgraph: 'shelf',
        url: graph.shelf.url,
        // Half identical (one shared round trip), half distinct.
        body: JSON.stringify({ query: '{ items { id } }', variables: { i: i % 2 === 0 ? 0 : i } }),
        headers: {},
        headersKey: '',
        requestId: 'listeners',
        dedupe: true,
        timeoutMs: 2_000,
        signal: controller.signal,
      });
    graph.shelf.holding = true;
    const pending = Promise.all(Array.from({ length: 30 }, (_, i) => send(i)));
    await until(() => transport.dedup.joined === 14, 'the identical requests to share one round trip');
    expect(getEventListeners(controller.signal, 'abort').length).toBe(30);
    graph.shelf.release();
    const answers = await pending;
    expect(answers.every((a) => Array.isArray(a.data?.items))).toBe(true);
    expect(getEventListeners(controller.signal, 'abort')).toEqual([]);
    expect(transport.dedup.size).toBe(0);
  } finally {
    await transport.close();
  }
});
