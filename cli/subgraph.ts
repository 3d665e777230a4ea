/**
 * Runs one subgraph alone: `node dist/cli/subgraph.js <name> [--port n] [--config file]`.
 * For multi-process or multi-host deployments; reads the same hub config as `npm start`.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/index.js';
import { createLogger } from '../core/log.js';
import { isSubgraphName, SUBGRAPH_NAMES } from '../core/subgraph-names.js';
import { ensureDataset } from '../datagen/generate.js';
import { registryFromConfig } from '../subgraphs/kit/index.js';
import { startHubSubgraphs } from '../subgraphs/run.js';
import { identitySecret } from './gateway-options.js';
import { closeOnSignals, failStartup } from './shared.js';

try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { port: { type: 'string' }, config: { type: 'string' } },
  });
  const name = positionals[0] ?? '';
  if (!isSubgraphName(name))
    throw new Error(`unknown subgraph '${name}'; one of: ${SUBGRAPH_NAMES.join(', ')}`);
  const overrides: Array<readonly [string[], unknown]> = [];
  if (values.port) overrides.push([['subgraphs', name, 'port'], Number(values.port)]);
  const config = loadConfig({ file: values.config, env: process.env, overrides });
  const logger = createLogger(config.log.level, { service: name });
  const dataset = ensureDataset(config.data);
  const registry = registryFromConfig(config, { datasetPath: dataset.path, env: process.env, logger });
  const [server] = await startHubSubgraphs(
    config,
    registry,
    logger,
    [name],
    identitySecret(config, process.env),
  );
  process.stdout.write(`${name} subgraph listening at ${server!.url}\n`);
  closeOnSignals(logger, async () => {
    await server!.close();
    await registry.close();
  });
} catch (error) {
  failStartup(error);
}
