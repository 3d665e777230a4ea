/**
 * `npm start`: the whole hub on one machine — the five subgraphs on the embedded dataset and the
 * gateway in front of them (http://127.0.0.1:4000/graphql, GraphiQL in a browser).
 */
import { parseArgs } from 'node:util';
import { loadConfig, subgraphUrl } from '../config/index.js';
import { createLogger } from '../core/log.js';
import { SUBGRAPH_NAMES } from '../core/subgraph-names.js';
import { ensureDataset } from '../datagen/generate.js';
import { startGateway } from '../gateway/index.js';
import { loadIdeAssets } from '../ide/serve.js';
import { registryFromConfig } from '../subgraphs/kit/index.js';
import { startHubSubgraphs } from '../subgraphs/run.js';
import { gatewayOptionsFromConfig, ideEnabled } from './gateway-options.js';
import { closeOnSignals, failStartup } from './shared.js';

try {
  const { values } = parseArgs({ options: { config: { type: 'string' } } });
  const config = loadConfig({ file: values.config, env: process.env });
  const logger = createLogger(config.log.level, { service: 'hub' });
  const started = performance.now();
  const dataset = ensureDataset(config.data);
  if (dataset.generated) logger.info('generated the embedded dataset', { path: dataset.path });
  const registry = registryFromConfig(config, { datasetPath: dataset.path, env: process.env, logger });
  const subgraphs = await startHubSubgraphs(config, registry, logger);
  // The gateway reaches the subgraphs where this process started them, whatever the supergraph says.
  const localUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphUrl(config, name)]));
  const gateway = await startGateway({
    ...gatewayOptionsFromConfig(config, logger, ideEnabled(config) ? loadIdeAssets() : undefined),
    subgraphUrls: { ...localUrls, ...config.gateway.subgraphUrls },
  });
  for (const s of subgraphs) process.stdout.write(`subgraph ${s.name.padEnd(22)} ${s.url}\n`);
  process.stdout.write(`gateway  ${''.padEnd(22)} ${gateway.url}  (open it in a browser for GraphiQL)\n`);
  process.stdout.write(`ready in ${Math.round(performance.now() - started)} ms\n`);
  closeOnSignals(logger, async () => {
    await gateway.close();
    await Promise.all(subgraphs.map((s) => s.close()));
    await registry.close();
  });
} catch (error) {
  failStartup(error);
}
