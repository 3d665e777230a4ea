/**
 * Runs the gateway alone on any Federation v2 supergraph:
 * `node dist/cli/gateway.js --supergraph <path|url> --port <n> [--config file]`.
 * Ready within seconds; exits cleanly on SIGTERM/SIGINT.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/index.js';
import { createLogger } from '../core/log.js';
import { startGateway } from '../gateway/index.js';
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
  const gateway = await startGateway({
    supergraph: config.gateway.supergraph,
    subgraphUrls: config.gateway.subgraphUrls,
    subgraphTimeoutMs: config.gateway.subgraphTimeoutMs,
    planCacheSize: config.gateway.planCacheSize,
    host: config.host,
    port: config.gateway.port,
    bodyLimitBytes: config.http.bodyLimitBytes,
    maxHeaderBytes: config.http.maxHeaderBytes,
    requestTimeoutMs: config.http.requestTimeoutMs,
    introspection: config.mode === 'development',
    supergraphPollIntervalMs: 2_000,
    logger,
  });
  process.stdout.write(`gateway listening at ${gateway.url}\n`);
  closeOnSignals(logger, () => gateway.close());
} catch (error) {
  failStartup(error);
}
