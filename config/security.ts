import { z } from 'zod';
import { isPemKey, type PemPublicKey, pemToJwk } from '../core/public-keys.js';

/**
 * Säkerhet — the `security` section of the hub configuration (gateway access control and
 * protection; documented in docs/security.md). Defaults are generous development values;
 * `mode: "production"` turns introspection and suggestions off unless set here.
 * Secrets are never inline: `identitySecretEnv` names the environment variable holding the secret.
 */
const envName = z
  .string()
  .regex(/^[A-Z_][A-Z0-9_]*$/, 'must be the name of an environment variable, like VARDNAV_IDENTITY_SECRET');
const positive = z.number().int().positive();
const bucket = z.object({ capacity: positive, refillPerSecond: z.number().positive() }).strict();
const ASYMMETRIC = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
] as const;

/**
 * One static key: a JWK object, or `{ pem, alg, kid? }` with an SPKI public key or an X.509
 * certificate in PEM. A PEM entry is checked here (parses, is a public key of the type and size
 * `alg` needs), so a bad key is a configuration error naming its entry, not a 401 for every caller.
 */
const publicKey = z.record(z.string(), z.unknown()).superRefine((entry, ctx) => {
  const kid = typeof entry.kid === 'string' ? ` (kid "${entry.kid}")` : '';
  if (!isPemKey(entry)) {
    if (typeof entry.kty !== 'string')
      ctx.addIssue({
        code: 'custom',
        message: 'neither a JWK (no "kty") nor a PEM key ({ "pem", "alg", "kid"? })',
      });
    return;
  }
  const unknown = Object.keys(entry).filter((k) => k !== 'pem' && k !== 'alg' && k !== 'kid');
  try {
    if (unknown.length > 0)
      throw new Error(`unknown field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`);
    pemToJwk(entry as unknown as PemPublicKey);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `PEM key${kid}: ${(error as Error).message}` });
  }
});

const jwtSection = z
  .object({
    /** JWKS URL of the identity provider (keys refetched on an unknown `kid`). */
    jwksUrl: z.url({ protocol: /^https?$/, error: 'not an http(s) URL' }).optional(),
    /** Static public keys instead of a JWKS URL: JWK objects or `{ pem, alg, kid? }` (SPKI or X.509). */
    publicKeys: z.array(publicKey).optional(),
    /** Accepted algorithms (asymmetric only). */
    algorithms: z.array(z.enum(ASYMMETRIC)).min(1).default(['RS256', 'ES256', 'EdDSA']),
    issuer: z.string().min(1).optional(),
    audience: z.string().min(1).optional(),
    clockToleranceSeconds: z.number().int().min(0).max(300).default(30),
    /** Claim holding the caller's region (länskod). */
    regionClaim: z.string().min(1).default('region'),
    /** Claim holding the scopes (space-separated string or array). */
    scopeClaim: z.string().min(1).default('scope'),
    jwksCooldownMs: z.number().int().min(0).default(30_000),
    jwksTimeoutMs: positive.default(5_000),
  })
  .strict()
  .refine((j) => Boolean(j.jwksUrl) !== Boolean(j.publicKeys?.length), {
    error: 'set exactly one of jwksUrl or publicKeys',
  })
  .superRefine((j, ctx) => {
    // A key whose alg is not accepted would silently never verify a token.
    j.publicKeys?.forEach((key, index) => {
      if (typeof key.alg === 'string' && !(j.algorithms as readonly string[]).includes(key.alg))
        ctx.addIssue({
          code: 'custom',
          path: ['publicKeys', index, 'alg'],
          message: `${key.alg} is not in algorithms (${j.algorithms.join(', ')}): tokens for this key would never verify`,
        });
    });
  });

export const SecuritySchema = z
  .object({
    /** Bearer JWT authentication; absent = every caller is anonymous (public data only). */
    jwt: jwtSection.optional(),
    /** Introspection; default: on in development, off in production. */
    introspection: z.boolean().optional(),
    /** "Did you mean …?" suggestions in errors; default: on in development, off in production. */
    suggestions: z.boolean().optional(),
    regionScope: z
      .object({
        enabled: z.boolean().default(true),
        /** Scope that sees every region's operational detail (national analysts); null for none. */
        nationalScope: z.string().min(1).nullable().default('vardnav:national'),
      })
      .strict()
      .prefault({}),
    limits: z
      .object({
        mode: z.enum(['enforce', 'measure']).default('enforce'),
        maxDepth: positive.default(15),
        maxAliases: z.number().int().min(0).default(30),
        maxRootFields: positive.default(20),
        maxDirectives: z.number().int().min(0).default(50),
        maxTokens: positive.default(10_000),
        maxCost: positive.default(50_000),
        defaultListSize: positive.default(10),
      })
      .strict()
      .prefault({}),
    trustedDocuments: z
      .object({
        /** Manifest file: Apollo persisted query manifest or `{ "<sha256>": "<text>" }`. */
        manifest: z.string().min(1),
        /** Client names (apollographql-client-name) that may only run trusted documents; "*" = all. */
        requireFor: z.array(z.string().min(1)).default(['web']),
        clientHeader: z
          .string()
          .regex(/^[A-Za-z0-9-]+$/)
          .default('apollographql-client-name'),
      })
      .strict()
      .optional(),
    rateLimit: z
      .object({
        enabled: z.boolean().default(true),
        perSubject: bucket.default({ capacity: 60, refillPerSecond: 10 }),
        perRegion: bucket.default({ capacity: 300, refillPerSecond: 50 }),
        anonymous: bucket.default({ capacity: 30, refillPerSecond: 5 }),
      })
      .strict()
      .prefault({}),
    /** Allowed browser origins (CORS), exact `scheme://host[:port]`. */
    corsOrigins: z.array(z.url({ error: 'not an origin URL' })).default([]),
    /** Environment variable holding the secret that signs the identity forwarded to subgraphs. */
    identitySecretEnv: envName.default('VARDNAV_IDENTITY_SECRET'),
    /** Subgraphs refuse requests without a valid forwarded identity (not through the gateway). */
    requireGatewayIdentity: z.boolean().default(false),
    requestDeadlineMs: positive.default(30_000),
    allowBatchedRequests: z.boolean().default(false),
  })
  .strict();

export type SecurityConfig = z.output<typeof SecuritySchema>;
