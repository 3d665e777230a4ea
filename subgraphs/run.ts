import type { HubConfig } from '../config/index.js';
import type { Logger } from '../core/log.js';
import type { SubgraphName } from '../core/subgraph-names.js';
import { MODULES } from './index.js';
import { type RunningServer, type SourceRegistry, startSubgraph } from './kit/index.js';
import { SuppressionCache } from './kit/suppression-cache.js';

/** Starts the named subgraphs (all by default) on their configured ports. */
export async function startHubSubgraphs(
  config: HubConfig,
  registry: SourceRegistry,
  logger: Logger,
  names: readonly SubgraphName[] = Object.keys(MODULES) as SubgraphName[],
  /** Secret of the identity the gateway forwards; subgraphs verify it (and require it if configured). */
  identitySecret?: string,
): Promise<RunningServer[]> {
  const started: RunningServer[] = [];
  try {
    for (const name of names) {
      started.push(
        await startSubgraph(MODULES[name], {
          host: config.host,
          port: config.subgraphs[name].port,
          registry,
          suppressionThreshold: config.privacy.suppressionThreshold,
          suppressionCache: new SuppressionCache({ maxEntries: config.privacy.suppressionCacheEntries }),
          bodyLimitBytes: config.http.bodyLimitBytes,
          maxHeaderBytes: config.http.maxHeaderBytes,
          requestTimeoutMs: config.http.requestTimeoutMs,
          identity: identitySecret
            ? { secret: identitySecret, required: config.security.requireGatewayIdentity }
            : undefined,
          logger,
        }),
      );
    }
  } catch (error) {
    await Promise.allSettled(started.map((s) => s.close()));
    throw error;
  }
  return started;
}
