import type { HubConfig } from '../config/index.js';
import type { Logger } from '../core/log.js';
import type { GatewayServerOptions } from '../gateway/index.js';
import type { IdeAssets } from '../ide/serve.js';

/** Whether the gateway serves GraphiQL: explicit config, else development mode only. */
export function ideEnabled(config: HubConfig): boolean {
  return config.gateway.ide ?? config.mode === 'development';
}

/** The gateway's server options from the resolved hub configuration (one mapping for every CLI). */
export function gatewayOptionsFromConfig(
  config: HubConfig,
  logger: Logger,
  ide?: IdeAssets,
): GatewayServerOptions {
  return {
    supergraph: config.gateway.supergraph,
    subgraphUrls: config.gateway.subgraphUrls,
    subgraphTimeoutMs: config.gateway.subgraphTimeoutMs,
    subgraphTimeoutsMs: config.gateway.subgraphTimeoutsMs,
    planCacheSize: config.gateway.planCacheSize,
    propagateHeaders: config.gateway.propagateHeaders,
    requestIdHeader: config.gateway.requestIdHeader,
    supergraphPollIntervalMs: config.gateway.supergraphPollIntervalMs,
    subgraphConnections: config.gateway.subgraphConnections,
    host: config.host,
    port: config.gateway.port,
    bodyLimitBytes: config.http.bodyLimitBytes,
    maxHeaderBytes: config.http.maxHeaderBytes,
    requestTimeoutMs: config.http.requestTimeoutMs,
    introspection: config.mode === 'development',
    ...(ide ? { ide } : {}),
    logger,
  };
}
