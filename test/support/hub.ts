import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../core/subgraph-names.js';
import type { GatewayServerOptions } from '../../gateway/index.js';
import { composeHubSupergraph } from '../../subgraphs/compose.js';
import type { RunningServer, SourceRegistry } from '../../subgraphs/kit/index.js';
import { startTestGateway, type TestGateway } from '../fixtures/harness.js';
import { startTestSubgraph } from './subgraph.js';

export interface TestHub {
  readonly gateway: TestGateway;
  readonly subgraphs: readonly RunningServer[];
  /** The supergraph composed with the subgraphs' real (ephemeral) URLs. */
  readonly supergraphSdl: string;
  close(): Promise<void>;
}

/** The whole hub on loopback: the five real subgraphs on ports of their own and our gateway. */
export async function startTestHub(
  options: { registry?: SourceRegistry; gateway?: Partial<GatewayServerOptions> } = {},
): Promise<TestHub> {
  const subgraphs = await Promise.all(
    SUBGRAPH_NAMES.map((name) =>
      startTestSubgraph(name, options.registry ? { registry: options.registry } : {}),
    ),
  );
  const urls = Object.fromEntries(subgraphs.map((s) => [s.name, s.url])) as Record<SubgraphName, string>;
  const supergraphSdl = composeHubSupergraph(urls);
  const file = join(mkdtempSync(join(tmpdir(), 'vardnav-hub-')), 'supergraph.graphql');
  writeFileSync(file, supergraphSdl);
  const gateway = await startTestGateway(file, options.gateway);
  return {
    gateway,
    subgraphs,
    supergraphSdl,
    close: async () => {
      await gateway.close();
      await Promise.all(subgraphs.map((s) => s.close()));
    },
  };
}
