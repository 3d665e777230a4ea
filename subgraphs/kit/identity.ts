import { jwtVerify, SignJWT } from 'jose';

/**
 * Vidarebefordrad identitet — how the gateway tells subgraphs who is asking. The gateway verifies
 * the client's bearer token, then sends its own short-lived JWT (HS256 with a secret shared by the
 * gateway and the subgraphs) in `x-vardnav-identity`; raw client headers are never trusted.
 * Subgraphs verify it here and, when configured to, refuse calls without it (not through the gateway).
 */
export const IDENTITY_HEADER = 'x-vardnav-identity';
export const IDENTITY_ISSUER = 'vardnav-gateway';
export const IDENTITY_AUDIENCE = 'vardnav-subgraphs';

export interface ForwardedIdentity {
  readonly authenticated: boolean;
  readonly subject: string | null;
  readonly region: string | null;
  readonly scopes: readonly string[];
}

export interface SubgraphIdentityOptions {
  /** Shared secret (at least 32 bytes). */
  readonly secret: string | Uint8Array;
  /** Refuse GraphQL requests without a valid forwarded identity (401). */
  readonly required: boolean;
}

const encoder = new TextEncoder();
const keyOf = (secret: string | Uint8Array) => (typeof secret === 'string' ? encoder.encode(secret) : secret);

/** Signs an identity for subgraphs (used by the gateway). */
export function signForwardedIdentity(
  identity: ForwardedIdentity,
  secret: string | Uint8Array,
  ttlSeconds: number,
): Promise<string> {
  const jwt = new SignJWT({
    anon: !identity.authenticated,
    region: identity.region,
    scope: identity.scopes.join(' '),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(IDENTITY_ISSUER)
    .setAudience(IDENTITY_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`);
  if (identity.subject) jwt.setSubject(identity.subject);
  return jwt.sign(keyOf(secret));
}

/** Verifies a forwarded identity; null when it is missing, forged, expired or not for subgraphs. */
export async function verifyForwardedIdentity(
  token: string | undefined,
  secret: string | Uint8Array,
): Promise<ForwardedIdentity | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      algorithms: ['HS256'],
      issuer: IDENTITY_ISSUER,
      audience: IDENTITY_AUDIENCE,
      clockTolerance: 5,
    });
    const scope = typeof payload.scope === 'string' ? payload.scope : '';
    return {
      authenticated: payload.anon !== true,
      subject: typeof payload.sub === 'string' ? payload.sub : null,
      region: typeof payload.region === 'string' ? payload.region : null,
      scopes: scope === '' ? [] : scope.split(' '),
    };
  } catch {
    return null;
  }
}
