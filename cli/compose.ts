/** `npm run compose`: regenerates schema/supergraph.graphql from the subgraph SDL files. */
import { writeFileSync } from 'node:fs';
import { projectPath } from '../core/paths.js';
import { composeHubSupergraph } from '../subgraphs/compose.js';

try {
  const path = projectPath('schema', 'supergraph.graphql');
  writeFileSync(path, composeHubSupergraph());
  process.stdout.write(`wrote ${path}\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
}
