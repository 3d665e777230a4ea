import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { projectPath } from '../../core/paths.js';
import type { SubgraphName } from '../../core/subgraph-names.js';
import type { GatewayServerOptions } from '../../gateway/index.js';
import { DEFAULT_LIMITS, type SecurityOptions } from '../../gateway/security/options.js';
import { startTestGateway, type TestGateway } from '../fixtures/harness.js';
import { startTestSubgraph, type TestSubgraph } from '../support/subgraph.js';

export const ISSUER = 'https://idp.test.vardnav.se';
export const AUDIENCE = 'vardnav-hub';

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

export async function signingKey(kid: string, alg = 'ES256'): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

/** A JWKS endpoint on loopback whose key set can be rotated; counts fetches. */
export class JwksServer {
  keys: JWK[] = [];
  fetches = 0;
  private server: Server | null = null;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((_req, res) => {
      this.fetches += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: this.keys }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/.well-known/jwks.json`;
    return this;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export interface Claims {
  sub?: string;
  region?: string;
  scope?: string;
  iss?: string;
  aud?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
}

export async function mint(key: SigningKey, claims: Claims = {}, alg = 'ES256'): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({
    ...(claims.region ? { region: claims.region } : {}),
    ...(claims.scope !== undefined ? { scope: claims.scope } : {}),
  })
    .setProtectedHeader({ alg, kid: key.kid })
    .setIssuer(claims.iss ?? ISSUER)
    .setAudience(claims.aud ?? AUDIENCE)
    .setSubject(claims.sub ?? 'analyst-1')
    .setIssuedAt(now - 5)
    .setExpirationTime(now + (claims.expiresIn ?? 300));
  return jwt.sign(key.privateKey);
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Security options for tests: JWT against `jwksUrl`, generous limits, no rate limit. */
export function testSecurity(jwksUrl: string, overrides: Partial<SecurityOptions> = {}): SecurityOptions {
  return {
    jwt: {
      jwksUrl,
      algorithms: ['ES256', 'RS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      clockToleranceSeconds: 5,
      regionClaim: 'region',
      scopeClaim: 'scope',
      jwksCooldownMs: 0,
      jwksTimeoutMs: 2_000,
    },
    regionScope: { enabled: true, nationalScope: 'vardnav:national' },
    limits: DEFAULT_LIMITS,
    corsOrigins: [],
    requestDeadlineMs: 10_000,
    allowBatchedRequests: false,
    suggestions: true,
    accessLog: () => {},
    ...overrides,
  };
}

export const ALL_SUBGRAPHS: readonly SubgraphName[] = [
  'samverkan',
  'hogspecialiserad-vard',
  'kompetensforsorjning',
  'forskning',
  'nara-vard',
];

export interface TestHub {
  readonly gateway: TestGateway;
  readonly subgraphs: readonly TestSubgraph[];
  close(): Promise<void>;
}

/** The five real subgraphs on the test dataset behind our gateway with the given security. */
export async function startSecuredHub(
  security: SecurityOptions | undefined,
  options: Partial<GatewayServerOptions> = {},
): Promise<TestHub> {
  const subgraphs = await Promise.all(ALL_SUBGRAPHS.map((name) => startTestSubgraph(name)));
  const gateway = await startTestGateway(projectPath('schema', 'supergraph.graphql'), {
    subgraphUrls: Object.fromEntries(subgraphs.map((s) => [s.name, s.url])),
    supergraphPollIntervalMs: 0,
    ...(security ? { security } : {}),
    ...options,
  });
  return {
    gateway,
    subgraphs,
    close: async () => {
      await gateway.close();
      await Promise.all(subgraphs.map((s) => s.close()));
    },
  };
}
