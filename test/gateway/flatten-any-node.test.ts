import type { FetchNode, FlattenNode, PlanNode, SequenceNode } from '@graphql-hive/router-query-planner';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { silentLogger } from '../../core/log.js';
import type { ExecutionRun } from '../../gateway/execute/run.js';
import { executeNode } from '../../gateway/execute/walker.js';
import { startTestGateway, type TestGateway } from '../fixtures/harness.js';
import { nodeKinds, planOf } from '../fixtures/plans.js';
import { type ShelfGraph, startShelfGraph } from '../fixtures/shelf.js';

/**
 * A Flatten may wrap any plan node (Apollo query plan format; the Hive planner only emits
 * Flatten → Fetch): the child runs with the Flatten's path as its prefix. Each variant below
 * rewraps the real plan's entity fetch and must merge exactly what the planner's own plan does,
 * through the real subgraph client against real subgraphs.
 */
let graph: ShelfGraph;
let gateway: TestGateway;
beforeAll(async () => {
  graph = await startShelfGraph();
  gateway = await startTestGateway(graph.supergraphPath);
});
afterAll(async () => {
  await gateway?.close();
  await graph?.close();
});

const QUERY = '{ shelf { name items { id detail } } }';

function newRun(variables: Record<string, unknown> = {}): ExecutionRun {
  const supergraph = gateway.gateway.manager.current!;
  return {
    types: supergraph.types,
    subgraphs: supergraph.subgraphs,
    client: gateway.gateway.client,
    outgoing: { headers: {}, key: '', requestId: 'flatten-any-node' },
    variables,
    isMutation: false,
    logger: silentLogger,
    signal: new AbortController().signal,
    data: Object.create(null),
    errors: [],
    failed: new Map(),
    failedRoot: new Map(),
    explained: [],
  };
}

async function run(node: PlanNode, variables?: Record<string, unknown>): Promise<ExecutionRun> {
  const execution = newRun(variables);
  await executeNode(execution, node);
  return execution;
}

it('Flatten over Flatten, Sequence, Parallel, Condition and BatchFetch merges what Flatten → Fetch does', async () => {
  const plan = (await planOf(gateway.gateway, QUERY))!.node as SequenceNode;
  expect(nodeKinds(plan)).toEqual(['Sequence', 'Fetch', 'Flatten', 'Fetch']);
  const [root, flatten] = plan.nodes as [FetchNode, FlattenNode];
  const fetch = flatten.node as FetchNode;
  const [head, ...tail] = flatten.path;
  expect(head).toEqual({ Field: 'shelf' });

  const expected = await run(plan);
  expect(expected.errors).toEqual([]);
  expect((expected.data.shelf as { items: Array<{ detail: string }> }).items.map((i) => i.detail)).toEqual([
    'detalj i1',
    'detalj i2',
    'detalj i3',
  ]);

  const under = (node: PlanNode): PlanNode => ({ kind: 'Flatten', path: [head!], node });
  const variants: Record<string, PlanNode> = {
    'Flatten → Flatten → Fetch (paths concatenate)': under({ kind: 'Flatten', path: tail, node: fetch }),
    'Flatten → Sequence': under({ kind: 'Sequence', nodes: [{ kind: 'Flatten', path: tail, node: fetch }] }),
    'Flatten → Parallel': { kind: 'Flatten', path: flatten.path, node: { kind: 'Parallel', nodes: [fetch] } },
    'Flatten → Condition': under({
      kind: 'Condition',
      condition: 'on',
      ifClause: { kind: 'Flatten', path: tail, node: fetch },
    }),
    'Flatten → BatchFetch (alias paths relative to it)': under({
      kind: 'BatchFetch',
      serviceName: fetch.serviceName,
      // The planner's own BatchFetch shape: an aliased `_entities` per alias, each with its variable.
      operation:
        'query($__batch_reps_0:[_Any!]!){e0:_entities(representations:$__batch_reps_0){...on Item{detail}}}',
      entityBatch: {
        aliases: [
          {
            alias: 'e0',
            representationsVariableName: '__batch_reps_0',
            paths: [tail],
            requires: fetch.requires!,
          },
        ],
      },
    }),
  };
  for (const [name, node] of Object.entries(variants)) {
    const actual = await run({ kind: 'Sequence', nodes: [root, node] }, { on: true });
    expect({ name, data: actual.data, errors: actual.errors }).toEqual({
      name,
      data: expected.data,
      errors: [],
    });
  }
  // A false condition under a Flatten skips the fetch: the items keep only what the root gave.
  const skipped = await run(
    { kind: 'Sequence', nodes: [root, variants['Flatten → Condition']!] },
    { on: false },
  );
  expect((skipped.data.shelf as { items: Array<Record<string, unknown>> }).items[0]).not.toHaveProperty(
    'detail',
  );
});
