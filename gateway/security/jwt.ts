import {
  createLocalJWKSet,
  createRemoteJWKSet,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
} from 'jose';
import { isPemKey, type PemPublicKey, pemToJwk } from '../../core/public-keys.js';
import { isRegionCode } from '../../core/regions.js';
import type { Identity } from './identity.js';

/** Resolved settings of bearer-token authentication (config/security.ts → cli mapping). */
export interface JwtOptions {
  /** JWKS URL of the identity provider; keys are refetched when a token names an unknown `kid`. */
  readonly jwksUrl?: string | undefined;
  /** Static public keys when there is no JWKS URL: JWKs, or PEM (SPKI or X.509) with `alg`. */
  readonly publicKeys?: readonly StaticPublicKey[] | undefined;
  /** Accepted `alg` values (never `none`, never a symmetric alg with public keys). */
  readonly algorithms: readonly string[];
  readonly issuer?: string | undefined;
  readonly audience?: string | undefined;
  /** Allowed clock skew for `exp`/`nbf`/`iat`. */
  readonly clockToleranceSeconds: number;
  readonly regionClaim: string;
  readonly scopeClaim: string;
  /** Minimum time between two JWKS fetches (an unknown `kid` triggers one after this). */
  readonly jwksCooldownMs: number;
  readonly jwksTimeoutMs: number;
}

/** A static verification key: a public JWK, or PEM with its algorithm (core/public-keys.ts). */
export type StaticPublicKey = JWK | PemPublicKey;

/**
 * The static keys as one JWK set, converted once at start. A PEM key that cannot be used throws
 * here, naming the entry, so a misconfigured gateway never starts (config validation reports the
 * same problems earlier for keys from the configuration file).
 */
export function staticKeySet(keys: readonly StaticPublicKey[]): JSONWebKeySet {
  return {
    keys: keys.map((key, index) => {
      if (!isPemKey(key)) return key as JWK;
      try {
        return pemToJwk(key) as JWK;
      } catch (error) {
        const name = key.kid ? ` (kid "${key.kid}")` : '';
        throw new Error(`jwt.publicKeys[${index}]${name}: ${(error as Error).message}`);
      }
    }),
  };
}

/** A bearer token that failed verification; the message is safe to show the client. */
export class InvalidToken extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidToken';
  }
}

/** Verifies bearer JWTs with `jose` and turns their claims into an Identity. */
export class JwtAuthenticator {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly options: JwtOptions) {
    if (options.jwksUrl) {
      this.keys = createRemoteJWKSet(new URL(options.jwksUrl), {
        cooldownDuration: options.jwksCooldownMs,
        timeoutDuration: options.jwksTimeoutMs,
      });
    } else if (options.publicKeys && options.publicKeys.length > 0) {
      this.keys = createLocalJWKSet(staticKeySet(options.publicKeys));
    } else {
      throw new Error('JWT authentication needs a jwksUrl or publicKeys');
    }
  }

  async verify(token: string): Promise<Identity> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        algorithms: [...this.options.algorithms],
        clockTolerance: this.options.clockToleranceSeconds,
        requiredClaims: ['exp'],
        ...(this.options.issuer ? { issuer: this.options.issuer } : {}),
        ...(this.options.audience ? { audience: this.options.audience } : {}),
      }));
    } catch (error) {
      throw new InvalidToken(reason(error));
    }
    return identityFromClaims(payload, this.options);
  }
}

export function identityFromClaims(
  payload: JWTPayload,
  claims: Pick<JwtOptions, 'regionClaim' | 'scopeClaim'>,
): Identity {
  const rawScope = payload[claims.scopeClaim];
  const scopes =
    typeof rawScope === 'string'
      ? rawScope.split(' ')
      : Array.isArray(rawScope)
        ? rawScope.filter((s): s is string => typeof s === 'string')
        : [];
  const region = payload[claims.regionClaim];
  return {
    authenticated: true,
    subject: typeof payload.sub === 'string' ? payload.sub.slice(0, 256) : null,
    region: isRegionCode(region) ? region : null,
    scopes: [...new Set(scopes.filter((s) => s.length > 0 && s.length <= 128))].sort(),
  };
}

/** A short reason from jose's error codes (never the token or key material). */
function reason(error: unknown): string {
  const code = (error as { code?: string }).code ?? '';
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'the token has expired';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return `the token's ${(error as { claim?: string }).claim ?? 'claims'} claim is not accepted`;
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'the token signature is invalid';
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return 'the token algorithm is not allowed';
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return 'no key matches the token';
    case 'ERR_JWKS_TIMEOUT':
    case 'ERR_JOSE_GENERIC':
      return 'the signing keys could not be loaded';
    default:
      return 'the token is malformed or invalid';
  }
}
