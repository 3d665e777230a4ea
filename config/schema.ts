import { z } from 'zod';
import { SUBGRAPHS, type SubgraphName } from '../core/subgraph-names.js';
import { DEFAULT_SUBGRAPH_CONNECTIONS, DEFAULT_SUBGRAPH_RESPONSE_LIMIT_BYTES } from '../gateway/options.js';
import { DEFAULT_SUPPRESSION_CACHE_ENTRIES } from '../subgraphs/kit/suppression-cache.js';
import { SecuritySchema } from './security.js';
import { SourcesSchema } from './sources.js';

/**
 * The hub's configuration schema. Every default of the hub is resolved here and nowhere else:
 * library code receives a fully resolved `HubConfig` and never reads `process.env`.
 * Later sections (sources, gateway security) are added to this schema.
 */

const port = z.number().int().min(0).max(65535);
const httpUrl = z.url({ protocol: /^https?$/, error: 'not an http(s) URL' });

const subgraphSection = (defaultPort: number) =>
  z
    .object({
      port: port.default(defaultPort),
      /** Where the gateway reaches this subgraph; defaults to http://<host>:<port>/graphql. */
      url: httpUrl.optional(),
    })
    .strict()
    .prefault({});

const subgraphsShape = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, subgraphSection(s.defaultPort)])) as {
  [K in SubgraphName]: ReturnType<typeof subgraphSection>;
};

export const HubConfigSchema = z
  .object({
    /** development: GraphiQL, introspection; production: locked down (see README). */
    mode: z.enum(['development', 'production']).default('development'),
    /** Interface every server binds to. Loopback unless deliberately exposed. */
    host: z.string().min(1).default('127.0.0.1'),
    gateway: z
      .object({
        port: port.default(4000),
        /** Supergraph SDL: a file path (relative to the working directory) or an http(s) URL. */
        supergraph: z.string().min(1).default('schema/supergraph.graphql'),
        /** Subgraph URL overrides by subgraph name; any supergraph's subgraph names are allowed. */
        subgraphUrls: z.record(z.string().min(1), httpUrl).default({}),
        subgraphTimeoutMs: z.number().int().positive().default(10_000),
        /** Per-subgraph timeout overrides by subgraph name. */
        subgraphTimeoutsMs: z.record(z.string().min(1), z.number().int().positive()).default({}),
        planCacheSize: z.number().int().positive().default(1_000),
        /** Client request headers copied to every subgraph request (case-insensitive names). */
        propagateHeaders: z.array(z.string().regex(/^[A-Za-z0-9-]+$/, 'not a header name')).default([]),
        /** Header carrying the request id to subgraphs (read from the client when valid). */
        requestIdHeader: z
          .string()
          .regex(/^[A-Za-z0-9-]+$/, 'not a header name')
          .default('x-request-id'),
        /** How often the supergraph source is checked for changes; 0 disables reloading. */
        supergraphPollIntervalMs: z.number().int().min(0).default(2_000),
        /** Keep-alive connections per subgraph origin. */
        subgraphConnections: z.number().int().positive().default(DEFAULT_SUBGRAPH_CONNECTIONS),
        /** Largest subgraph response body the gateway accepts (SUBGRAPH_BAD_RESPONSE above it). */
        subgraphResponseLimitBytes: z
          .number()
          .int()
          .positive()
          .default(DEFAULT_SUBGRAPH_RESPONSE_LIMIT_BYTES),
        /** Share identical in-flight subgraph queries between client requests (the key covers all sent). */
        dedupeSubgraphRequests: z.boolean().default(true),
        /** Serve GraphiQL at the GraphQL URL to browsers (default: on in development mode only). */
        ide: z.boolean().optional(),
      })
      .strict()
      .prefault({}),
    subgraphs: z.object(subgraphsShape).strict().prefault({}),
    data: z
      .object({
        /** Synthetic dataset size: small starts in seconds, large is for benchmarks. */
        scale: z.enum(['small', 'large']).default('small'),
        /** Seed of the deterministic synthetic generator. */
        seed: z.number().int().default(20_210_101),
        /** Folder the generated embedded dataset is written to and read from. */
        dir: z.string().min(1).default('var/datasets'),
      })
      .strict()
      .prefault({}),
    privacy: z
      .object({
        /** Counts of patients or people below this are never served (primary suppression). */
        suppressionThreshold: z.number().int().min(1).max(1000).default(5),
        /** Secondary-suppression patterns kept per subgraph, keyed on their content (0 = off). */
        suppressionCacheEntries: z
          .number()
          .int()
          .min(0)
          .max(10_000)
          .default(DEFAULT_SUPPRESSION_CACHE_ENTRIES),
      })
      .strict()
      .prefault({}),
    http: z
      .object({
        bodyLimitBytes: z
          .number()
          .int()
          .positive()
          .default(1024 * 1024),
        maxHeaderBytes: z
          .number()
          .int()
          .positive()
          .default(16 * 1024),
        requestTimeoutMs: z.number().int().positive().default(30_000),
      })
      .strict()
      .prefault({}),
    sources: SourcesSchema.prefault({}),
    security: SecuritySchema.prefault({}),
    log: z
      .object({
        level: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type HubConfig = z.infer<typeof HubConfigSchema>;
export type HubConfigInput = z.input<typeof HubConfigSchema>;
