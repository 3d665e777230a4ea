import type {
  GatewayExecutionResult,
  GatewayExecutor,
  GatewayGraphQLRequestContext,
  GatewayInterface,
  GatewayLoadResult,
  GatewaySchemaLoadOrUpdateCallback,
  GatewayUnsubscriber,
} from '@apollo/server-gateway-interface';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { ErrorCode, hubError } from '../../core/errors.js';
import { describeError, type Logger } from '../../core/log.js';
import { executeOperation } from '../execute/execute.js';
import type { SupergraphManager } from '../load/reloader.js';
import type { LoadedSupergraph } from '../load/supergraph.js';
import { GatewaySecurity } from '../security/security.js';
import { outgoingHeaders } from '../transport/headers.js';
import type { SubgraphClient } from '../transport/subgraph-client.js';
import { ClientClosed, clientSignalOf, requestCancellation } from './cancellation.js';

export interface HubGatewayOptions {
  readonly propagateHeaders: readonly string[];
  readonly requestIdHeader: string;
  readonly logger: Logger;
  /** Authentication and access enforcement (DEFAULT_SECURITY when the caller gave no options). */
  readonly security: GatewaySecurity | null;
}

/**
 * The hub's engine behind Apollo Server's gateway interface: Apollo Server keeps parsing,
 * validation (against the API schema we hand it), CSRF prevention and plugins; we plan and
 * execute. Each API schema object maps to its supergraph, so a request validated against one
 * supergraph is executed with that same supergraph even if a reload happened meanwhile.
 */
export class HubGateway implements GatewayInterface {
  private readonly bySchema = new WeakMap<GraphQLSchema, LoadedSupergraph>();
  readonly security: GatewaySecurity | null;

  constructor(
    readonly manager: SupergraphManager,
    readonly client: SubgraphClient,
    private readonly options: HubGatewayOptions,
  ) {
    this.security = options.security;
    manager.onUpdate((supergraph) => this.bySchema.set(supergraph.apiSchema, supergraph));
  }

  async load(): Promise<GatewayLoadResult> {
    await this.manager.start();
    return { executor: this.executor };
  }

  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback): GatewayUnsubscriber {
    return this.manager.onUpdate((s) => callback({ apiSchema: s.apiSchema, coreSupergraphSdl: s.sdl }));
  }

  async stop(): Promise<void> {
    this.manager.stop();
    await this.client.close();
  }

  /**
   * Runs one operation under its cancellation: the client closing its connection (server.ts puts
   * the signal in the context) or the total request deadline aborts the run — no further plan
   * node starts, unshared subgraph requests are aborted — and answers at once.
   */
  readonly executor: GatewayExecutor = async (request) => {
    const cancellation = requestCancellation(
      clientSignalOf(request.context),
      this.options.security?.options.requestDeadlineMs,
    );
    try {
      return await cancellation.race(this.execute(request, cancellation.signal));
    } catch (error) {
      if (error instanceof ClientClosed) {
        // Nobody reads this response; not a failure of ours or a subgraph's. Logged once.
        this.options.logger.debug('client_closed', {
          requestId: request.request.http?.headers.get(this.options.requestIdHeader) ?? null,
          operationName: request.operationName ?? null,
        });
        return { data: null };
      }
      if (error instanceof GraphQLError) return { errors: [error] };
      this.options.logger.error('gateway execution failed', describeError(error));
      return {
        errors: [
          new GraphQLError('Internal server error', {
            extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
          }),
        ],
      };
    } finally {
      cancellation.dispose();
    }
  };

  private async execute(
    request: GatewayGraphQLRequestContext,
    signal: AbortSignal,
  ): Promise<GatewayExecutionResult> {
    const supergraph = this.bySchema.get(request.schema) ?? this.manager.current;
    if (!supergraph) throw new Error('no supergraph loaded');
    // Apollo Server calls the executor even when operationName names no operation in the document.
    if (!request.operation)
      throw hubError(ErrorCode.OPERATION_RESOLUTION_FAILURE, 'The document has no operation by that name.', {
        http: { status: 400 },
      });
    const security = this.options.security;
    const requestSecurity = GatewaySecurity.requestOf(request.context);
    const prepared = await supergraph.planner.prepare({
      document: request.document,
      operation: request.operation,
      operationName: request.operationName,
      source: request.source,
      queryHash: request.queryHash,
      ...(security ? security.planning(supergraph, requestSecurity.identity) : {}),
    });
    requestSecurity.secured = prepared.secured;
    const headers = request.request.http?.headers;
    let outgoing = outgoingHeaders(
      this.options.propagateHeaders,
      (name) => headers?.get(name),
      this.options.requestIdHeader,
    );
    if (security) {
      // The verified identity goes to subgraphs signed, and is part of the dedup key.
      const forwarded = await security.forwarding(requestSecurity.identity);
      outgoing = {
        ...outgoing,
        headers: { ...outgoing.headers, ...forwarded.headers },
        key: outgoing.key + forwarded.key,
      };
    }
    return executeOperation({
      schema: supergraph.apiSchema,
      types: supergraph.types,
      subgraphs: supergraph.subgraphs,
      client: this.client,
      prepared,
      variables: request.request.variables,
      outgoing,
      logger: this.options.logger,
      signal,
      ...(security
        ? { afterFetch: (run) => security.afterFetch(supergraph, prepared, run, requestSecurity) }
        : {}),
    });
  }
}
