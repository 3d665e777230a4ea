import type { HubConfig } from '../config/index.js';
import type { Logger } from '../core/log.js';
import type { GatewayServerOptions } from '../gateway/index.js';
import type { StaticPublicKey } from '../gateway/security/jwt.js';
import type { SecurityOptions } from '../gateway/security/options.js';
import { loadTrustedDocuments } from '../gateway/security/trusted-documents.js';
import type { IdeAssets } from '../ide/serve.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Whether the gateway serves GraphiQL: explicit config, else development mode only. */
export function ideEnabled(config: HubConfig): boolean {
  return config.gateway.ide ?? config.mode === 'development';
}

/** Introspection: explicit config, else development mode only. */
export function introspectionEnabled(config: HubConfig): boolean {
  return config.security.introspection ?? config.mode === 'development';
}

/** The secret signing the identity forwarded to subgraphs, from the environment variable config names. */
export function identitySecret(config: HubConfig, env: Env): string | undefined {
  const secret = env[config.security.identitySecretEnv];
  if (secret !== undefined && secret.length < 32)
    throw new Error(`${config.security.identitySecretEnv} must hold at least 32 characters`);
  if (!secret && config.security.requireGatewayIdentity)
    throw new Error(
      `security.requireGatewayIdentity is on but ${config.security.identitySecretEnv} is not set`,
    );
  return secret || undefined;
}

/** Security options from the resolved configuration (reads the trusted-document manifest). */
export function securityOptionsFromConfig(config: HubConfig, env: Env): SecurityOptions {
  const s = config.security;
  return {
    jwt: s.jwt
      ? {
          jwksUrl: s.jwt.jwksUrl,
          publicKeys: s.jwt.publicKeys as StaticPublicKey[] | undefined,
          algorithms: s.jwt.algorithms,
          issuer: s.jwt.issuer,
          audience: s.jwt.audience,
          clockToleranceSeconds: s.jwt.clockToleranceSeconds,
          regionClaim: s.jwt.regionClaim,
          scopeClaim: s.jwt.scopeClaim,
          jwksCooldownMs: s.jwt.jwksCooldownMs,
          jwksTimeoutMs: s.jwt.jwksTimeoutMs,
        }
      : undefined,
    regionScope: s.regionScope,
    limits: s.limits,
    trustedDocuments: s.trustedDocuments
      ? {
          documents: loadTrustedDocuments(s.trustedDocuments.manifest),
          requireFor: s.trustedDocuments.requireFor,
          clientHeader: s.trustedDocuments.clientHeader.toLowerCase(),
        }
      : undefined,
    rateLimit: s.rateLimit.enabled
      ? {
          perSubject: s.rateLimit.perSubject,
          perRegion: s.rateLimit.perRegion,
          anonymous: s.rateLimit.anonymous,
        }
      : undefined,
    corsOrigins: s.corsOrigins.map((o) => new URL(o).origin),
    identitySecret: identitySecret(config, env),
    requestDeadlineMs: s.requestDeadlineMs,
    allowBatchedRequests: s.allowBatchedRequests,
    suggestions: s.suggestions ?? config.mode === 'development',
  };
}

/** The gateway's server options from the resolved hub configuration (one mapping for every CLI). */
export function gatewayOptionsFromConfig(
  config: HubConfig,
  logger: Logger,
  ide?: IdeAssets,
  env: Env = process.env,
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
    subgraphResponseLimitBytes: config.gateway.subgraphResponseLimitBytes,
    dedupeSubgraphRequests: config.gateway.dedupeSubgraphRequests,
    host: config.host,
    port: config.gateway.port,
    bodyLimitBytes: config.http.bodyLimitBytes,
    maxHeaderBytes: config.http.maxHeaderBytes,
    requestTimeoutMs: config.http.requestTimeoutMs,
    introspection: introspectionEnabled(config),
    security: securityOptionsFromConfig(config, env),
    ...(ide ? { ide } : {}),
    logger,
  };
}
