import { silentLogger } from '../core/log.js';
import { IDENTITY_HEADER } from '../subgraphs/kit/identity.js';
import { SupergraphManager } from './load/reloader.js';
import {
  DEFAULT_PLAN_TIMEOUT_MS,
  DEFAULT_PLANNER_LOAD_TIMEOUT_MS,
  DEFAULT_REQUEST_ID_HEADER,
  DEFAULT_SUBGRAPH_CONNECTIONS,
  DEFAULT_SUBGRAPH_RESPONSE_LIMIT_BYTES,
  type GatewayOptions,
  type GatewayServerOptions,
} from './options.js';
import { HubGateway } from './respond/gateway-interface.js';
import { listenGateway, type RunningGateway } from './respond/server.js';
import { DEFAULT_SECURITY } from './security/options.js';
import { GatewaySecurity } from './security/security.js';
import { propagatableHeaders } from './transport/headers.js';
import { SubgraphClient } from './transport/subgraph-client.js';

export type { GatewayOptions, GatewayServerOptions } from './options.js';
export type { HubGateway } from './respond/gateway-interface.js';
export type { RunningGateway } from './respond/server.js';

/**
 * The gateway engine (no HTTP): supergraph loading and reloading, planning, execution and
 * transport, behind Apollo Server's gateway interface. Pass it as `new ApolloServer({ gateway })`.
 * Security is always on: omitted `options.security` means DEFAULT_SECURITY (security/options.ts).
 */
export function createGateway(options: GatewayOptions): HubGateway {
  const logger = (options.logger ?? silentLogger).child({ component: 'gateway' });
  const requestIdHeader = (options.requestIdHeader ?? DEFAULT_REQUEST_ID_HEADER).toLowerCase();
  const manager = new SupergraphManager(
    options.supergraph,
    {
      subgraphUrls: options.subgraphUrls,
      subgraphTimeoutMs: options.subgraphTimeoutMs,
      subgraphTimeoutsMs: options.subgraphTimeoutsMs,
      planCacheSize: options.planCacheSize,
      planTimeoutMs: options.planTimeoutMs ?? DEFAULT_PLAN_TIMEOUT_MS,
      plannerLoadTimeoutMs: DEFAULT_PLANNER_LOAD_TIMEOUT_MS,
      pollIntervalMs: options.supergraphPollIntervalMs ?? 0,
      logger,
    },
    logger,
  );
  const client = new SubgraphClient({
    connections: options.subgraphConnections ?? DEFAULT_SUBGRAPH_CONNECTIONS,
    maxResponseBytes: options.subgraphResponseLimitBytes ?? DEFAULT_SUBGRAPH_RESPONSE_LIMIT_BYTES,
    requestIdHeader,
    dedupe: options.dedupeSubgraphRequests ?? true,
  });
  // Secure by default: without options, access is enforced for anonymous callers only.
  if (!options.security)
    logger.info('no security options given: secure defaults (every caller anonymous, limits enforced)');
  return new HubGateway(manager, client, {
    propagateHeaders: propagatableHeaders(options.propagateHeaders).filter(
      // The forwarded identity is the gateway's to set, never a client's to pass through.
      (h) => h !== requestIdHeader && h !== IDENTITY_HEADER,
    ),
    requestIdHeader,
    logger,
    security: new GatewaySecurity(options.security ?? DEFAULT_SECURITY, logger),
  });
}

/** Creates the gateway and serves it over HTTP (fastify + Apollo Server). */
export function startGateway(options: GatewayServerOptions): Promise<RunningGateway> {
  return listenGateway(createGateway(options), options);
}
