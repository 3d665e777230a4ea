import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { projectPath } from '../../core/paths.js';
import { composeHubSupergraph } from '../../subgraphs/compose.js';

it('the committed supergraph is what `npm run compose` produces from the subgraph SDL files', () => {
  const committed = readFileSync(projectPath('schema', 'supergraph.graphql'), 'utf8');
  expect(committed, 'schema/supergraph.graphql is stale: run npm run compose').toBe(composeHubSupergraph());
});
