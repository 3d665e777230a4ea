/**
 * Runs the gateway alone on any Federation v2 supergraph:
 * `node dist/cli/gateway.js --supergraph <path|url> --port <n> [--config file]`.
 * Ready within seconds; exits cleanly on SIGTERM/SIGINT.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/index.js';
import { createLogger } from '../core/log.js';
import { startGateway } from '../gateway/index.js';
import { loadIdeAssets } from '../ide/serve.js';
import { gatewayOptionsFromConfig, ideEnabled } from './gateway-options.js';
import { closeOnSignals, failStartup } from './shared.js';

try {
  const { values } = parseArgs({
    options: {
      supergraph: { type: 'string' },
      port: { type: 'string' },
      config: { type: 'string' },
    },
  });
  const overrides: Array<readonly [string[], unknown]> = [];
  if (values.supergraph) overrides.push([['gateway', 'supergraph'], values.supergraph]);
  if (values.port !== undefined) {
    if (!/^\d+$/.test(values.port)) throw new Error(`--port must be a number, got '${values.port}'`);
    overrides.push([['gateway', 'port'], Number(values.port)]);
  }
  const config = loadConfig({ file: values.config, env: process.env, overrides });
  const logger = createLogger(config.log.level, { service: 'gateway' });
  const gateway = await startGateway(
    gatewayOptionsFromConfig(config, logger, ideEnabled(config) ? loadIdeAssets() : undefined),
  );
  process.stdout.write(`gateway listening at ${gateway.url}\n`);
  closeOnSignals(logger, () => gateway.close());
} catch (error) {
  failStartup(error);
}
