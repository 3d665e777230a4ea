import type { Logger } from '../core/log.js';
import type { IdeAssets } from '../ide/serve.js';
import type { SecurityOptions } from './security/options.js';

/**
 * Resolved gateway options. Library code never reads `process.env`: the CLI (or the hub) resolves
 * config/schema.ts and passes these in. Units are in the names.
 */
export interface GatewayOptions {
  /** Supergraph SDL: a file path or an http(s) URL. */
  readonly supergraph: string;
  /** Subgraph URL overrides by subgraph name (as named in the supergraph's join__Graph). */
  readonly subgraphUrls?: Readonly<Record<string, string>>;
  /** Default per-subgraph timeout for one subgraph request (headers and each body chunk). */
  readonly subgraphTimeoutMs: number;
  /** Per-subgraph timeout overrides by subgraph name. */
  readonly subgraphTimeoutsMs?: Readonly<Record<string, number>>;
  /** Maximum number of cached query plans (per loaded supergraph). */
  readonly planCacheSize: number;
  /** Longest one operation may take to plan before the planner process is restarted
   *  (default DEFAULT_PLAN_TIMEOUT_MS). */
  readonly planTimeoutMs?: number;
  /** Client request headers copied to every subgraph request (names, case-insensitive). */
  readonly propagateHeaders?: readonly string[];
  /** Header carrying the request id to subgraphs (and read from the client when valid). */
  readonly requestIdHeader?: string;
  /** How often the supergraph source is checked for changes; 0 disables reloading. */
  readonly supergraphPollIntervalMs?: number;
  /** Keep-alive connections per subgraph origin (default DEFAULT_SUBGRAPH_CONNECTIONS). */
  readonly subgraphConnections?: number;
  /** Largest subgraph response body accepted (default DEFAULT_SUBGRAPH_RESPONSE_LIMIT_BYTES). */
  readonly subgraphResponseLimitBytes?: number;
  /** Share identical in-flight subgraph queries between client requests (default true). */
  readonly dedupeSubgraphRequests?: boolean;
  /** Authentication, access enforcement, limits, … (gateway/security). Omitted: DEFAULT_SECURITY
   * (enforced, everyone anonymous — public data only). */
  readonly security?: SecurityOptions | undefined;
  readonly logger?: Logger;
}

export interface GatewayServerOptions extends GatewayOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly bodyLimitBytes: number;
  readonly maxHeaderBytes: number;
  readonly requestTimeoutMs: number;
  /** Apollo Server introspection (development mode). */
  readonly introspection?: boolean;
  /** The built GraphiQL IDE, served to browsers at /graphql when given (development mode). */
  readonly ide?: IdeAssets | undefined;
}

export const DEFAULT_REQUEST_ID_HEADER = 'x-request-id';
export const DEFAULT_SUBGRAPH_CONNECTIONS = 64;
/** Far above any answer the hub's subgraphs give (paged lists); bounds a runaway or hostile one. */
export const DEFAULT_SUBGRAPH_RESPONSE_LIMIT_BYTES = 64 * 1024 * 1024;
/** Planning one operation normally takes milliseconds; this bounds a planner that hangs. */
export const DEFAULT_PLAN_TIMEOUT_MS = 10_000;
/** Loading a supergraph into the planner process (large supergraphs take a few seconds). */
export const DEFAULT_PLANNER_LOAD_TIMEOUT_MS = 60_000;
