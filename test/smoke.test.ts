import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from './support/subgraph.js';

let server: TestSubgraph;
beforeAll(async () => {
  server = await startTestSubgraph('samverkan');
});
afterAll(() => server.close());

it('serves regions from the embedded dataset', async () => {
  const result = await server.query<{ region: { name: string } }>('{ region(code: "18") { name } }');
  expect(result.data?.region.name).toBe('Region Örebro län');
});
