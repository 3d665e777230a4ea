import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import { BoundedDocumentStore } from '../../core/document-store.js';
import { describeError, type Logger, silentLogger } from '../../core/log.js';
import { maskFormattedError } from '../../core/mask-error.js';
import { stringifyResult } from '../../core/stringify-result.js';
import type { SubgraphContext } from './context.js';
import {
  type ForwardedIdentity,
  IDENTITY_HEADER,
  type SubgraphIdentityOptions,
  verifyForwardedIdentity,
} from './identity.js';
import { partialErrorsPlugin } from './partial-errors.js';
import { RegionData } from './region-data.js';
import { buildModuleSchema, type SubgraphModule } from './schema.js';
import type { SourceRegistry } from './sources/types.js';
import { SuppressionCache } from './suppression-cache.js';

export interface SubgraphServerOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly registry: SourceRegistry;
  readonly suppressionThreshold: number;
  /** Suppression patterns by content; default: a `SuppressionCache` of the default size per server. */
  readonly suppressionCache?: SuppressionCache | undefined;
  /** Parsed operations by text; default: a `BoundedDocumentStore` of the default size per server. */
  readonly documentStore?: BoundedDocumentStore | undefined;
  readonly bodyLimitBytes: number;
  readonly maxHeaderBytes: number;
  readonly requestTimeoutMs: number;
  /** Verify the identity the gateway forwards (and, if required, refuse calls without it). */
  readonly identity?: SubgraphIdentityOptions | undefined;
  readonly logger?: Logger;
}

export interface RunningServer {
  readonly name: string;
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Builds the subgraph's HTTP app (not listening): POST/GET /graphql and GET /health. */
export async function createSubgraphApp(
  module: SubgraphModule,
  options: SubgraphServerOptions,
): Promise<{ app: FastifyInstance; apollo: ApolloServer<SubgraphContext> }> {
  const logger = (options.logger ?? silentLogger).child({ subgraph: module.name });
  const app = Fastify({
    bodyLimit: options.bodyLimitBytes,
    requestTimeout: options.requestTimeoutMs,
    http: { maxHeaderSize: options.maxHeaderBytes },
    logger: false,
  });
  const apollo = new ApolloServer<SubgraphContext>({
    schema: buildModuleSchema(module),
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    stringifyResult,
    // Apollo's default store undercounts parsed documents ~4× (~120 MB per server when full):
    // every distinct query the gateway sends would stay until then (core/document-store.ts).
    documentStore: options.documentStore ?? new BoundedDocumentStore(),
    // Inline tracing (ftv1) is for Apollo's cloud reporting, which the hub does not use.
    plugins: [fastifyApolloDrainPlugin(app), partialErrorsPlugin(), ApolloServerPluginInlineTraceDisabled()],
    formatError: (formatted, original) =>
      maskFormattedError(formatted, original, (error) =>
        logger.error('unexpected error', describeError(error)),
      ),
  });
  await apollo.start();

  const suppressionCache = options.suppressionCache ?? new SuppressionCache();
  const identities = new WeakMap<object, ForwardedIdentity | null>();
  const identityOptions = options.identity;
  if (identityOptions) {
    app.addHook('onRequest', async (request, reply) => {
      if (request.url.split('?')[0] !== '/graphql') return;
      const header = request.headers[IDENTITY_HEADER];
      const identity = await verifyForwardedIdentity(
        typeof header === 'string' ? header : undefined,
        identityOptions.secret,
      );
      if (!identity && (identityOptions.required || header !== undefined)) {
        return reply
          .code(401)
          .type('application/json')
          .send({
            errors: [
              { message: 'Requests must come through the gateway.', extensions: { code: 'UNAUTHORIZED' } },
            ],
          });
      }
      identities.set(request, identity);
    });
  }

  const handler = fastifyApolloHandler(apollo, {
    context: async (request) => ({
      requestId: headerValue(request.headers['x-request-id']) ?? randomUUID(),
      data: new RegionData({
        domain: module.name,
        registry: options.registry,
        onSourceError: (owner, error) => logger.warn('source failed', { owner, ...describeError(error) }),
      }),
      suppressionThreshold: options.suppressionThreshold,
      suppressionCache,
      identity: identities.get(request) ?? null,
      partialErrors: [],
    }),
  });
  app.route({ url: '/graphql', method: ['GET', 'POST', 'OPTIONS'], handler });
  app.get('/health', async () => ({ status: 'ok', subgraph: module.name }));
  return { app, apollo };
}

/** Starts a subgraph on host:port and resolves once it listens. */
export async function startSubgraph(
  module: SubgraphModule,
  options: SubgraphServerOptions,
): Promise<RunningServer> {
  const { app } = await createSubgraphApp(module, options);
  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    name: module.name,
    port: address.port,
    url: `http://${host}:${address.port}/graphql`,
    close: () => app.close(),
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  // Only a short, printable id is propagated into logs.
  return first && /^[\w.:-]{1,128}$/.test(first) ? first : undefined;
}
