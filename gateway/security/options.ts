import type { AccessLogWriter } from './access-log.js';
import type { JwtOptions } from './jwt.js';
import type { LimitOptions } from './limits.js';
import type { RateLimitOptions } from './rate-limit.js';
import type { TrustedDocumentOptions } from './trusted-documents.js';

/**
 * Resolved security options of the gateway (config/security.ts holds every default; the CLI maps
 * it in cli/gateway-options.ts). Library code never reads `process.env`.
 */
export interface SecurityOptions {
  /** Bearer JWT authentication; without it every caller is anonymous. */
  readonly jwt?: JwtOptions | undefined;
  /** Region scoping of operational detail (security/region-policy.ts). */
  readonly regionScope: { readonly enabled: boolean; readonly nationalScope: string | null };
  readonly limits: LimitOptions;
  readonly trustedDocuments?: TrustedDocumentOptions | undefined;
  readonly rateLimit?: RateLimitOptions | undefined;
  /** Browser origins allowed by CORS (exact `scheme://host[:port]`); empty = no CORS headers. */
  readonly corsOrigins: readonly string[];
  /** Shared secret for the identity forwarded to subgraphs; none = no identity header. */
  readonly identitySecret?: string | Uint8Array | undefined;
  /** Total time one request may take in the gateway (planning + all subgraph calls). */
  readonly requestDeadlineMs: number;
  /** Accept JSON arrays of operations in one HTTP request. */
  readonly allowBatchedRequests: boolean;
  /** Show "Did you mean …?" suggestions in validation errors (off in production). */
  readonly suggestions: boolean;
  /** Where access log lines go (default: the gateway logger, one JSON line each). */
  readonly accessLog?: AccessLogWriter | undefined;
}

/** Generous development defaults (the config's defaults too), also used by tests that only set what they exercise. */
export const DEFAULT_LIMITS: LimitOptions = {
  mode: 'enforce',
  maxDepth: 15,
  maxAliases: 30,
  maxRootFields: 20,
  maxDirectives: 50,
  maxTokens: 10_000,
  maxCost: 50_000,
  defaultListSize: 10,
};

/**
 * Secure by default: what the gateway enforces when it is given no security options (library use,
 * tests). Access directives and region scoping enforced, every caller anonymous (no JWT
 * configured, so a bearer token is refused with 401), DEFAULT_LIMITS, no CORS, no batched
 * requests, no schema suggestions, a 30 s request deadline, no identity forwarded to subgraphs.
 * No rate limit: callers' addresses are deployment-specific (proxies), so limits are configured.
 * The CLIs always pass options resolved from the configuration (cli/gateway-options.ts).
 */
export const DEFAULT_SECURITY: SecurityOptions = Object.freeze({
  regionScope: Object.freeze({ enabled: true, nationalScope: 'vardnav:national' }),
  limits: DEFAULT_LIMITS,
  corsOrigins: Object.freeze([]) as readonly string[],
  requestDeadlineMs: 30_000,
  allowBatchedRequests: false,
  suggestions: false,
});
