import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import type { JwtOptions } from '../gateway/security/jwt.js';

/**
 * Development mode only (`npm start` without `security.jwt` configured): an ephemeral signing key
 * that lives as long as the process, so analysts can try the operational parts of the graph with
 * a printed bearer token. Production never gets here (the hub refuses to invent an issuer there).
 */
export interface DevelopmentIssuer {
  readonly jwt: JwtOptions;
  mint(
    claims: { subject: string; region: string; scopes: readonly string[] },
    hours?: number,
  ): Promise<string>;
}

const ISSUER = 'vardnav-development';
const AUDIENCE = 'vardnav';

export async function createDevelopmentIssuer(): Promise<DevelopmentIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid: 'dev-1', alg: 'ES256', use: 'sig' };
  return {
    jwt: {
      publicKeys: [publicJwk],
      algorithms: ['ES256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      clockToleranceSeconds: 30,
      regionClaim: 'region',
      scopeClaim: 'scope',
      jwksCooldownMs: 30_000,
      jwksTimeoutMs: 5_000,
    },
    mint: ({ subject, region, scopes }, hours = 12) =>
      new SignJWT({ region, scope: scopes.join(' ') })
        .setProtectedHeader({ alg: 'ES256', kid: 'dev-1' })
        .setSubject(subject)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${hours}h`)
        .sign(privateKey),
  };
}
