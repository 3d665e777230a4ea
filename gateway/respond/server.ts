import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import { BoundedDocumentStore } from '../../core/document-store.js';
import { describeError, silentLogger } from '../../core/log.js';
import { maskFormattedError } from '../../core/mask-error.js';
import { stringifyResult } from '../../core/stringify-result.js';
import { registerIde } from '../../ide/serve.js';
import type { GatewayServerOptions } from '../options.js';
import { ReservedAliasesRule } from '../plan/reserved-names.js';
import { apolloSecurityConfig, securityContext } from '../security/apollo-config.js';
import { registerSecurityHooks } from '../security/http-hooks.js';
import { registerOperationGuard } from '../security/operation-guard.js';
import { clientClosedSignal } from './cancellation.js';
import type { HubGateway } from './gateway-interface.js';
import { registerHttpErrors } from './http-errors.js';

/**
 * The gateway's HTTP app: POST/GET /graphql through Apollo Server (fastify gives real control
 * over body and header limits), GET /health (the process is up) and GET /ready (a supergraph is
 * loaded and planned).
 */
export async function createGatewayApp(
  gateway: HubGateway,
  options: GatewayServerOptions,
): Promise<{ app: FastifyInstance; apollo: ApolloServer }> {
  const logger = options.logger ?? silentLogger;
  const app = Fastify({
    bodyLimit: options.bodyLimitBytes,
    requestTimeout: options.requestTimeoutMs,
    http: { maxHeaderSize: options.maxHeaderBytes },
    logger: false,
  });
  registerHttpErrors(app, logger);
  const security = gateway.security;
  if (security) {
    registerSecurityHooks(app, security);
    registerOperationGuard(app, security, () => gateway.manager.current?.apiSchema);
  }
  const { plugins: securityPlugins, ...securitySettings } = apolloSecurityConfig(security);
  const apollo = new ApolloServer({
    gateway,
    ...securitySettings,
    csrfPrevention: true,
    // Apollo's default parsed-document cache counts 30 MiB by JSON length, ~4× less than the heap
    // it really holds (~120 MB when full); this one is bounded by an estimate of real size.
    documentStore: new BoundedDocumentStore(),
    validationRules: [ReservedAliasesRule],
    includeStacktraceInErrorResponses: false,
    introspection: options.introspection ?? true,
    // Apollo's default landing page loads from Apollo's CDN; ours is bundled (ide/) or absent.
    // Cache control: the gateway resolves no fields, so Apollo's per-field cache hints never apply;
    // its default plugin would only cost a little on every request.
    plugins: [
      fastifyApolloDrainPlugin(app),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ...securityPlugins,
    ],
    stringifyResult,
    formatError: (formatted, original) =>
      maskFormattedError(formatted, original, (error) => logger.error('masked error', describeError(error))),
  });
  await apollo.start();
  if (options.ide) registerIde(app, options.ide);
  // The context carries the client connection's signal: closing it cancels the operation's
  // subgraph work (gateway-interface.ts executor).
  const handler = fastifyApolloHandler(apollo, {
    context: async (request, reply) => ({
      ...securityContext(request),
      clientSignal: clientClosedSignal(reply),
    }),
  });
  app.route({ url: '/graphql', method: ['GET', 'POST', 'OPTIONS'], handler });
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/ready', async (_request, reply) => {
    const supergraph = gateway.manager.current;
    if (!supergraph) return reply.code(503).send({ status: 'not ready' });
    return { status: 'ready', supergraph: supergraph.hash, subgraphs: supergraph.subgraphs.names };
  });
  return { app, apollo };
}

export interface RunningGateway {
  readonly url: string;
  readonly port: number;
  readonly gateway: HubGateway;
  close(): Promise<void>;
}

/** Starts the gateway on host:port; resolves once it listens with a supergraph loaded. */
export async function listenGateway(
  gateway: HubGateway,
  options: GatewayServerOptions,
): Promise<RunningGateway> {
  const { app, apollo } = await createGatewayApp(gateway, options);
  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}/graphql`,
    port: address.port,
    gateway,
    // Stopping Apollo Server closes the fastify app first (drain plugin: no new requests, in-flight
    // ones finish), then stops the gateway and its subgraph pools. `app.close()` alone would leave
    // Apollo and the gateway running, with keep-alive connections to the subgraphs open.
    close: () => apollo.stop(),
  };
}
