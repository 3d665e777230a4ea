import { type DocumentNode, type GraphQLError, type OperationDefinitionNode, parse } from 'graphql';
import type { Logger } from '../../core/log.js';
import type { ExecutionRun } from '../execute/run.js';
import type { LoadedSupergraph } from '../load/supergraph.js';
import type { PreparedOperation } from '../plan/prepared.js';
import { type AccessFacts, type AccessLogWriter, newRequestSecurity } from './access-log.js';
import { authorisationErrors } from './authorisation-errors.js';
import { IdentityForwarder } from './forward.js';
import { authorisationKey, type Identity, identityKey } from './identity.js';
import { JwtAuthenticator } from './jwt.js';
import { AccessMarkings } from './markings.js';
import type { SecurityOptions } from './options.js';
import { RateLimiter } from './rate-limit.js';
import { RegionPolicy } from './region-policy.js';
import { applyRegionScope, SCOPED_TYPES } from './region-scope.js';
import { secureOperation } from './secure-operation.js';
import type { SecuredOperation } from './secured-operation.js';

/** What security learnt about one request (http-hooks → Apollo context → access log). */
export interface RequestSecurity {
  identity: Identity;
  secured: SecuredOperation | null;
  regionWithheld: number;
  /** When the gateway received the request (ms since the epoch). */
  started: number;
  access: AccessFacts;
}

/** The gateway's security: one instance per gateway, built from resolved SecurityOptions. */
export class GatewaySecurity {
  readonly authenticator: JwtAuthenticator | null;
  readonly policy: RegionPolicy;
  readonly rateLimiter: RateLimiter | null;
  readonly forwarder: IdentityForwarder | null;
  readonly accessLog: AccessLogWriter;
  private readonly markings = new WeakMap<LoadedSupergraph, AccessMarkings>();

  constructor(
    readonly options: SecurityOptions,
    readonly logger: Logger,
  ) {
    this.authenticator = options.jwt ? new JwtAuthenticator(options.jwt) : null;
    this.policy = RegionPolicy.fromReference(options.regionScope.nationalScope);
    this.rateLimiter = options.rateLimit ? new RateLimiter(options.rateLimit) : null;
    this.forwarder = options.identitySecret ? new IdentityForwarder(options.identitySecret) : null;
    const access = logger.child({ component: 'access' });
    this.accessLog = options.accessLog ?? ((entry) => access.info('access', { ...entry }));
  }

  private markingsOf(supergraph: LoadedSupergraph): AccessMarkings {
    let markings = this.markings.get(supergraph);
    if (!markings) {
      markings = new AccessMarkings(parse(supergraph.sdl, { noLocation: true }));
      this.markings.set(supergraph, markings);
    }
    return markings;
  }

  /** Plan-cache key part and the rewrite the planner applies on a miss. */
  planning(supergraph: LoadedSupergraph, identity: Identity) {
    const markings = this.markingsOf(supergraph);
    const scoped = this.options.regionScope.enabled ? SCOPED_TYPES : [];
    return {
      authKey: authorisationKey(identity),
      secure: (document: DocumentNode, operation: OperationDefinitionNode) =>
        secureOperation(supergraph.apiSchema, markings, scoped, identity, document, operation),
    };
  }

  /** After the fetches, before shaping: removed fields and region-withheld values get their errors. */
  afterFetch(
    supergraph: LoadedSupergraph,
    prepared: PreparedOperation,
    run: ExecutionRun,
    request: RequestSecurity,
  ): GraphQLError[] {
    const secured = prepared.secured;
    if (!secured) return [];
    const errors = authorisationErrors(run.data, secured.removed, run.types);
    if (secured.scoped.length > 0) {
      const withheld = applyRegionScope(
        supergraph.apiSchema,
        secured.scoped,
        prepared.operation,
        prepared.fragments,
        run.data,
        request.identity,
        this.policy,
      );
      request.regionWithheld += withheld.length;
      errors.push(...withheld);
    }
    return errors;
  }

  /** Headers that carry the identity to subgraphs, and the dedup key part for it. */
  async forwarding(identity: Identity): Promise<{ headers: Record<string, string>; key: string }> {
    const key = `identity:${identityKey(identity)}\n`;
    if (!this.forwarder) return { headers: {}, key };
    return { headers: { [this.forwarder.header]: await this.forwarder.token(identity) }, key };
  }

  static requestOf(context: unknown): RequestSecurity {
    const existing = (context as { security?: RequestSecurity } | undefined)?.security;
    return existing ?? newRequestSecurity();
  }
}
