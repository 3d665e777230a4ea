import { type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, print } from 'graphql';
import { LRUCache } from 'lru-cache';
import { ErrorCode, hubError } from '../../core/errors.js';
import { describeError, type Logger } from '../../core/log.js';
import { internaliseAliases } from '../execute/client-keys.js';
import type { SubgraphTypes } from '../load/subgraph-types.js';
import type { SecuredOperation } from '../security/secured-operation.js';
import { aliasFetchConflicts } from './fetch-conflicts.js';
import type { PlannerProcess } from './isolated/planner-process.js';
import { keepFieldsOfEmptySelections, splitLocalFields } from './local-fields.js';
import { PreparedOperation } from './prepared.js';
import { restoreServiceNames } from './service-names.js';
import { unreadPlannerAliases } from './unread-planner-aliases.js';

export interface PlanRequest {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  readonly operationName: string | null;
  readonly source: string;
  /** Identifies the operation text (e.g. its sha256); the cache key adds the operation name. */
  readonly queryHash: string;
  /** The caller's authorisation state (security/identity.ts); part of the cache key. */
  readonly authKey?: string;
  /** Rewrites the operation before planning (fields the caller may not see removed). */
  readonly secure?: (document: DocumentNode, operation: OperationDefinitionNode) => SecuredOperation;
}

/**
 * Plans operations with the Hive planner (one planner per supergraph) and caches the prepared
 * result in a bounded LRU keyed by operation text + operation name + the caller's authorisation
 * state (a plan filtered for one caller is never served to another). Concurrent misses for the
 * same key share one planning; failures are not cached.
 */
export class OperationPlanner {
  private readonly cache: LRUCache<string, Promise<PreparedOperation>>;
  /** Plannings actually run (cache misses), for tests and metrics. */
  planned = 0;

  constructor(
    private readonly planner: Pick<PlannerProcess, 'planAsync'>,
    private readonly schema: GraphQLSchema,
    cacheSize: number,
    private readonly logger: Logger,
    /** Planner service name → subgraph name, when the planner got renamed subgraphs (load/planner-graph-order.ts). */
    private readonly serviceNames: ReadonlyMap<string, string> = new Map(),
    /** Field names the supergraph's @requires select with arguments (execute/client-keys.ts). */
    private readonly requiredWithArguments: ReadonlySet<string> = new Set(),
    /** Field types per subgraph, to alias fields a fetch would send in conflict (fetch-conflicts.ts). */
    private readonly subgraphTypes: SubgraphTypes | null = null,
  ) {
    this.cache = new LRUCache({ max: cacheSize });
  }

  prepare(request: PlanRequest): Promise<PreparedOperation> {
    const key = `${request.queryHash}\u0000${request.operationName ?? ''}\u0000${request.authKey ?? ''}`;
    let prepared = this.cache.get(key);
    if (!prepared) {
      prepared = this.plan(request);
      this.cache.set(key, prepared);
      prepared.catch(() => this.cache.delete(key));
    }
    return prepared;
  }

  private async plan(request: PlanRequest): Promise<PreparedOperation> {
    this.planned += 1;
    const root = this.schema.getRootType(request.operation.operation);
    if (request.operation.operation === 'subscription') {
      throw hubError(ErrorCode.OPERATION_NOT_SUPPORTED, 'The gateway does not execute subscriptions yet.');
    }
    const secured = request.secure?.(request.document, request.operation);
    const document = secured?.document ?? request.document;
    const operation = secured?.operation ?? request.operation;
    // The planner never sees a client alias (execute/client-keys.ts says why).
    const internal = internaliseAliases(document, this.requiredWithArguments);
    const planned = keepFieldsOfEmptySelections(this.schema, internal.document);
    const changed = planned !== request.document;
    const split = splitLocalFields(
      planned,
      planned.definitions[document.definitions.indexOf(operation)] as OperationDefinitionNode,
      changed ? print(planned) : request.source,
      root?.name ?? 'Query',
    );
    let plan = null;
    if (split.planText !== null) {
      try {
        plan = restoreServiceNames(
          await this.planner.planAsync(split.planText, request.operationName ?? null),
          this.serviceNames,
        );
      } catch (error) {
        this.logger.error('query planning failed', {
          operationName: request.operationName,
          ...describeError(error),
        });
        throw hubError(
          ErrorCode.QUERY_PLANNING_FAILED,
          'The operation could not be planned against the supergraph.',
        );
      }
    }
    if (plan) {
      const unread = unreadPlannerAliases(plan);
      if (unread.length > 0) {
        this.logger.error('query plan refused: the planner fetches aliases no fetch reads', {
          operationName: request.operationName,
          aliases: unread,
        });
        throw hubError(
          ErrorCode.QUERY_PLANNING_FAILED,
          'The query planner built a plan that loses track of a field it fetches twice (with other arguments or shapes), so the gateway refuses it rather than answer wrongly. Select the fields requiring it in separate operations.',
        );
      }
      // After the planner, before the plan is cached: fields a fetch would send in conflict.
      if (this.subgraphTypes) plan = aliasFetchConflicts(plan, this.subgraphTypes);
    }
    return new PreparedOperation(
      this.schema,
      request.document,
      request.operation,
      plan,
      split.hasIntrospection,
      secured ?? null,
      internal.aliases,
    );
  }
}
