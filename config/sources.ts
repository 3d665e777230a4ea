import { z } from 'zod';
import { SUBGRAPHS } from '../core/subgraph-names.js';

/**
 * Källkonfiguration — the `sources` section of the hub configuration: for each region (länskod)
 * and domain, which source serves it and how. Every default is resolved here (a transform merges
 * `defaults` into every source), so connectors receive fully resolved settings.
 * Secrets are never inline: a source names the environment variable that holds them.
 * Documented in docs/sources.md.
 */

/** The 21 länskoder (SCB). */
export const REGION_CODES = [
  '01', '03', '04', '05', '06', '07', '08', '09', '10', '12', '13',
  '14', '17', '18', '19', '20', '21', '22', '23', '24', '25',
] as const; // biome-ignore format: one line per row reads better

/** Config key of a domain: the subgraph name in camelCase (`nara-vard` → `naraVard`). */
export const domainKey = (subgraph: string) =>
  subgraph.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
export const DOMAIN_KEYS = SUBGRAPHS.map((s) => domainKey(s.name));
export const subgraphOfDomainKey = (key: string) => SUBGRAPHS.find((s) => domainKey(s.name) === key)?.name;

const positiveMs = z.number().int().positive();
const envName = z
  .string()
  .regex(/^[A-Z_][A-Z0-9_]*$/, 'must be the name of an environment variable, like REGION18_TOKEN');
const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain SQL identifier');
const collectionName = z.string().regex(/^[A-Za-z][A-Za-z0-9-]*$/, 'not a collection name');
const noInlineSecret = (instead: string) =>
  z.never({ error: `secrets are never written in the file: name an environment variable in ${instead}` });

const sourceUrl = z
  .url({ protocol: /^https?$/, error: 'not a URL' })
  .refine((value) => !/^[a-z]+:\/\/[^/]*@/i.test(value), {
    error: 'credentials in the URL are not allowed; use tokenEnv',
  });

export const FieldTypeSchema = z.enum(['string', 'number', 'integer', 'boolean']);
export type FieldType = z.infer<typeof FieldTypeSchema>;

/** How one collection is found at the region and mapped to the hub's record fields. */
const collectionSpec = z
  .object({
    /** Name at the region: file name, API path (relative to url) or table/view name. */
    from: z.string().min(1).optional(),
    /** Hub field → region field (dot path for nested JSON, column name for PostgreSQL). */
    fields: z.record(z.string().min(1), z.string().min(1)).default({}),
    /** Expected JSON types of hub fields (used for CSV typing and response validation). */
    types: z.record(z.string().min(1), FieldTypeSchema).default({}),
    /** http only: where the list of records is in the response body (dot path). */
    itemsAt: z.string().min(1).optional(),
    /** http only: where the next page's URL is in the response body (dot path). */
    nextAt: z.string().min(1).optional(),
  })
  .strict();
export type CollectionSpec = z.infer<typeof collectionSpec>;

const common = {
  /** Collections this source serves; others fall back (see `fallback`). Default: all. */
  serves: z.array(collectionName).min(1).optional(),
  collections: z.record(collectionName, collectionSpec).default({}),
  /** Provenance for records that carry no `source` of their own. */
  label: z.string().min(1).optional(),
};

/** Settings: full (with defaults, under `sources.defaults`) and partial overrides per source. */
function settings<T extends z.ZodRawShape>(shape: T, defaults: { [K in keyof T]: z.output<T[K]> }) {
  const withDefaults = Object.fromEntries(
    Object.entries(shape).map(([k, s]) => [k, (s as z.ZodType).default(defaults[k as keyof T] as never)]),
  ) as unknown as { [K in keyof T]: z.ZodDefault<T[K]> };
  return { full: z.object(withDefaults).strict(), partial: z.object(shape).partial().strict() };
}

const breakerSettings = settings(
  {
    /** Consecutive failed calls that open the circuit. */
    failureThreshold: z.number().int().positive(),
    /** How long an open circuit refuses calls before one probe is let through. */
    openMs: positiveMs,
  },
  { failureThreshold: 5, openMs: 30_000 },
);

const httpSettings = settings(
  {
    connectTimeoutMs: positiveMs,
    headersTimeoutMs: positiveMs,
    /** Longest silence while a body streams. */
    bodyTimeoutMs: positiveMs,
    /** Deadline of one call (all pages and retries). */
    totalTimeoutMs: positiveMs,
    retries: z.number().int().min(0).max(10),
    retryBaseDelayMs: positiveMs,
    retryMaxDelayMs: positiveMs,
    /** Requests in flight at once per source. */
    concurrency: z.number().int().positive().max(256),
    /** Keep-alive connections per origin. */
    connectionsPerOrigin: z.number().int().positive().max(1024),
    keepAliveTimeoutMs: positiveMs,
    maxResponseBytes: z.number().int().positive(),
    maxPages: z.number().int().positive(),
    pageSize: z.number().int().positive(),
    /** Responses kept for ETag / Cache-Control reuse, per source. */
    cacheEntries: z.number().int().min(0),
  },
  {
    connectTimeoutMs: 2_000,
    headersTimeoutMs: 5_000,
    bodyTimeoutMs: 5_000,
    totalTimeoutMs: 15_000,
    retries: 2,
    retryBaseDelayMs: 100,
    retryMaxDelayMs: 2_000,
    concurrency: 4,
    connectionsPerOrigin: 16,
    keepAliveTimeoutMs: 10_000,
    maxResponseBytes: 16 * 1024 * 1024,
    maxPages: 100,
    pageSize: 1_000,
    cacheEntries: 500,
  },
);

const postgresSettings = settings(
  {
    poolSize: z.number().int().positive().max(100),
    connectTimeoutMs: positiveMs,
    /** Client-side deadline of one query (pg `query_timeout`). */
    queryTimeoutMs: positiveMs,
    /** Server-side `statement_timeout` set on every connection. */
    statementTimeoutMs: positiveMs,
    idleTimeoutMs: positiveMs,
  },
  {
    poolSize: 4,
    connectTimeoutMs: 3_000,
    queryTimeoutMs: 10_000,
    statementTimeoutMs: 8_000,
    idleTimeoutMs: 10_000,
  },
);

const koladaSettings = settings(
  { baseUrl: sourceUrl, perPage: z.number().int().positive().max(5_000) },
  { baseUrl: 'https://api.kolada.se/v3', perPage: 5_000 },
);

const fileSource = z.object({ kind: z.literal('file'), dir: z.string().min(1), ...common }).strict();

const httpSource = z
  .object({
    kind: z.literal('http'),
    url: sourceUrl,
    /** Environment variable holding a bearer token (sent as `authorization: Bearer …`). */
    tokenEnv: envName.optional(),
    token: noInlineSecret('tokenEnv').optional(),
    /** Extra non-secret request headers. */
    headers: z
      .record(z.string().regex(/^[A-Za-z0-9-]+$/, 'not a header name'), z.string())
      .refine((h) => !Object.keys(h).some((k) => /^(authorization|cookie|x-api-key)$/i.test(k)), {
        error: 'secret headers are never inline: use headerEnv',
      })
      .default({}),
    /** Header name → environment variable holding its (secret) value. */
    headerEnv: z.record(z.string().regex(/^[A-Za-z0-9-]+$/, 'not a header name'), envName).default({}),
    http: httpSettings.partial.default({}),
    breaker: breakerSettings.partial.default({}),
    ...common,
  })
  .strict();

const pgConnection = z
  .object({
    /** Environment variable holding a whole connection URL (may include the password). */
    urlEnv: envName.optional(),
    host: z.string().min(1).optional(),
    port: z.number().int().min(1).max(65535).default(5432),
    database: z.string().min(1).optional(),
    user: z.string().min(1).optional(),
    passwordEnv: envName.optional(),
    password: noInlineSecret('passwordEnv').optional(),
    ssl: z.boolean().default(false),
  })
  .strict()
  .superRefine(
    (c, ctx) => {
      if (c.urlEnv) return;
      for (const key of ['host', 'database', 'user'] as const) {
        if (!c[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'required (or set urlEnv)' });
      }
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

const postgresSource = z
  .object({
    kind: z.literal('postgres'),
    connection: pgConnection,
    connectionString: noInlineSecret('connection.urlEnv').optional(),
    /** Schema holding the tables/views (docs/sources.md: layout per domain). */
    schema: identifier.default('vardnav'),
    /** For a warehouse shared by regions: the column holding the länskod; rows are filtered on it. */
    ownerColumn: identifier.optional(),
    postgres: postgresSettings.partial.default({}),
    breaker: breakerSettings.partial.default({}),
    ...common,
  })
  .strict();

const koladaSource = z
  .object({
    kind: z.literal('kolada'),
    /** KPI ids to serve (verified ids only; see docs/sources.md). */
    kpis: z.array(z.string().regex(/^[NU]\d{5}$/, 'not a Kolada KPI id like N01951')).min(1),
    /** First and last year fetched. */
    fromYear: z.number().int().min(1990).max(2100).optional(),
    toYear: z.number().int().min(1990).max(2100).optional(),
    kolada: koladaSettings.partial.default({}),
    http: httpSettings.partial.default({}),
    breaker: breakerSettings.partial.default({}),
    ...common,
  })
  .strict();

const embeddedSource = z.object({ kind: z.literal('embedded') }).strict();

export const SourceSpecSchema = z.discriminatedUnion(
  'kind',
  [fileSource, httpSource, postgresSource, koladaSource, embeddedSource],
  { error: 'kind must be one of file, http, postgres, kolada, embedded' },
);
export type SourceSpecInput = z.input<typeof SourceSpecSchema>;

const domainShape = Object.fromEntries(DOMAIN_KEYS.map((k) => [k, SourceSpecSchema.optional()])) as Record<
  string,
  z.ZodOptional<typeof SourceSpecSchema>
>;
const perDomain = z.object(domainShape).strict();

const SourcesInputSchema = z
  .object({
    /** What serves a domain/owner that is not configured: the generated dataset, or nothing. */
    fallback: z.enum(['embedded', 'none']).default('embedded'),
    defaults: z
      .object({
        http: httpSettings.full.prefault({}),
        postgres: postgresSettings.full.prefault({}),
        breaker: breakerSettings.full.prefault({}),
        kolada: koladaSettings.full.prefault({}),
      })
      .strict()
      .prefault({}),
    /** A source per domain for every region without its own entry; `{region}` and `{koladaId}` are substituted. */
    allRegions: perDomain.prefault({}),
    /** Per länskod, per domain. */
    regions: z
      .record(z.string(), perDomain)
      .superRefine(
        (regions, ctx) => {
          for (const code of Object.keys(regions ?? {})) {
            if (!(REGION_CODES as readonly string[]).includes(code))
              ctx.addIssue({ code: 'custom', path: [code], message: 'not a länskod (01, 03, … 25)' });
          }
        },
        // Report unknown länskoder even when other entries have problems too.
        { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
      )
      .default({}),
    /** National reference data per domain. */
    national: perDomain.prefault({}),
  })
  .strict();

type Input = z.output<typeof SourcesInputSchema>;
type Spec = z.output<typeof SourceSpecSchema>;
type Defaults = Input['defaults'];

function resolveSpec(spec: Spec, defaults: Defaults) {
  switch (spec.kind) {
    case 'http':
      return {
        ...spec,
        http: { ...defaults.http, ...spec.http },
        breaker: { ...defaults.breaker, ...spec.breaker },
      };
    case 'postgres':
      return {
        ...spec,
        postgres: { ...defaults.postgres, ...spec.postgres },
        breaker: { ...defaults.breaker, ...spec.breaker },
      };
    case 'kolada':
      return {
        ...spec,
        kolada: { ...defaults.kolada, ...spec.kolada },
        http: { ...defaults.http, ...spec.http },
        breaker: { ...defaults.breaker, ...spec.breaker },
      };
    default:
      return spec;
  }
}

function resolveDomains(domains: Input['allRegions'], defaults: Defaults) {
  const out: Record<string, ResolvedSourceSpec> = {};
  for (const [key, spec] of Object.entries(domains)) if (spec) out[key] = resolveSpec(spec, defaults);
  return out;
}

export const SourcesSchema = SourcesInputSchema.transform((input) => ({
  fallback: input.fallback,
  defaults: input.defaults,
  allRegions: resolveDomains(input.allRegions, input.defaults),
  national: resolveDomains(input.national, input.defaults),
  regions: Object.fromEntries(
    Object.entries(input.regions).map(([code, domains]) => [code, resolveDomains(domains, input.defaults)]),
  ) as Record<string, Record<string, ResolvedSourceSpec>>,
}));

export type ResolvedSourceSpec = ReturnType<typeof resolveSpec>;
export type SourcesConfig = z.output<typeof SourcesSchema>;
export type HttpSettings = z.output<typeof httpSettings.full>;
export type PostgresSettings = z.output<typeof postgresSettings.full>;
export type BreakerSettings = z.output<typeof breakerSettings.full>;
export type KoladaSettings = z.output<typeof koladaSettings.full>;
export type HttpSourceSpec = Extract<ResolvedSourceSpec, { kind: 'http' }>;
export type PostgresSourceSpec = Extract<ResolvedSourceSpec, { kind: 'postgres' }>;
export type FileSourceSpec = Extract<ResolvedSourceSpec, { kind: 'file' }>;
export type KoladaSourceSpec = Extract<ResolvedSourceSpec, { kind: 'kolada' }>;
