/**
 * `npm start`: the whole hub on one machine — the five subgraphs on the embedded dataset and the
 * gateway in front of them (http://127.0.0.1:4000/graphql, GraphiQL in a browser).
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadConfig, subgraphUrl } from '../config/index.js';
import { createLogger } from '../core/log.js';
import { SUBGRAPH_NAMES } from '../core/subgraph-names.js';
import { ensureDataset } from '../datagen/generate.js';
import { startGateway } from '../gateway/index.js';
import { loadIdeAssets } from '../ide/serve.js';
import { registryFromConfig } from '../subgraphs/kit/index.js';
import { startHubSubgraphs } from '../subgraphs/run.js';
import { createDevelopmentIssuer } from './dev-tokens.js';
import { gatewayOptionsFromConfig, ideEnabled, identitySecret } from './gateway-options.js';
import { closeOnSignals, failStartup } from './shared.js';

try {
  const { values } = parseArgs({ options: { config: { type: 'string' } } });
  const config = loadConfig({ file: values.config, env: process.env });
  const logger = createLogger(config.log.level, { service: 'hub' });
  const started = performance.now();
  const dataset = ensureDataset(config.data);
  if (dataset.generated) logger.info('generated the embedded dataset', { path: dataset.path });
  const registry = registryFromConfig(config, { datasetPath: dataset.path, env: process.env, logger });
  // Gateway and subgraphs share this process: without a configured secret they share a fresh one,
  // so the subgraphs always verify the identity the gateway forwards.
  const secret = identitySecret(config, process.env) ?? randomBytes(32).toString('hex');
  const env = { ...process.env, [config.security.identitySecretEnv]: secret };
  const subgraphs = await startHubSubgraphs(config, registry, logger, undefined, secret);
  // The gateway reaches the subgraphs where this process started them, whatever the supergraph says.
  const localUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphUrl(config, name)]));
  const options = gatewayOptionsFromConfig(
    config,
    logger,
    ideEnabled(config) ? loadIdeAssets() : undefined,
    env,
  );
  // Development without an identity provider: an ephemeral issuer and a printed example token.
  const devIssuer =
    config.mode === 'development' && !options.security?.jwt ? await createDevelopmentIssuer() : undefined;
  const gateway = await startGateway({
    ...options,
    ...(devIssuer && options.security ? { security: { ...options.security, jwt: devIssuer.jwt } } : {}),
    subgraphUrls: { ...localUrls, ...config.gateway.subgraphUrls },
  });
  for (const s of subgraphs) process.stdout.write(`subgraph ${s.name.padEnd(22)} ${s.url}\n`);
  process.stdout.write(`gateway  ${''.padEnd(22)} ${gateway.url}  (open it in a browser for GraphiQL)\n`);
  if (devIssuer) {
    const token = await devIssuer.mint({
      subject: 'dev-analyst',
      region: '18',
      scopes: ['vardnav:flows', 'vardnav:prices', 'vardnav:workforce'],
    });
    process.stdout.write(
      `development token (Region Örebro län, all scopes, 12 h; GraphiQL → Headers):\n` +
        `  {"Authorization": "Bearer ${token}"}\n`,
    );
  }
  process.stdout.write(`ready in ${Math.round(performance.now() - started)} ms\n`);
  closeOnSignals(logger, async () => {
    await gateway.close();
    await Promise.all(subgraphs.map((s) => s.close()));
    await registry.close();
  });
} catch (error) {
  failStartup(error);
}
