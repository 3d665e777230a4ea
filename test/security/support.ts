import { afterAll, beforeAll } from 'vitest';
import { projectPath } from '../../core/paths.js';
import type { SubgraphName } from '../../core/subgraph-names.js';
import type { GatewayServerOptions } from '../../gateway/index.js';
import { DEFAULT_LIMITS, type SecurityOptions } from '../../gateway/security/options.js';
import { startTestGateway, type TestGateway } from '../fixtures/harness.js';
import { JwksServer, type SigningKey, signingKey, testJwt } from '../fixtures/tokens.js';
import { startTestSubgraph, type TestSubgraph } from '../support/subgraph.js';

// The token helpers live in test/fixtures/tokens.ts (shared with the differential tests).
export {
  AUDIENCE,
  bearer,
  type Claims,
  ISSUER,
  JwksServer,
  mint,
  type SigningKey,
  signingKey,
} from '../fixtures/tokens.js';

/** Security options for tests: JWT against `jwksUrl`, generous limits, no rate limit. */
export function testSecurity(jwksUrl: string, overrides: Partial<SecurityOptions> = {}): SecurityOptions {
  return {
    jwt: testJwt({ jwksUrl }),
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

/** The five real subgraphs on the test dataset behind our gateway with the given security
 *  (undefined: the gateway's secure defaults, every caller anonymous). */
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

export interface KeyedHub {
  readonly jwks: JwksServer;
  /** The JWKS's one signing key ('k1'), to mint tokens with. */
  readonly key: SigningKey;
  readonly hub: TestHub;
}

/**
 * For the enclosing suite (beforeAll/afterAll): a JWKS server on loopback with one signing key,
 * and the secured hub trusting it. The returned object is filled in before the first test runs.
 */
export function suiteKeyedHub(overrides: Partial<SecurityOptions> = {}): KeyedHub {
  const keyed = {} as { jwks: JwksServer; key: SigningKey; hub: TestHub };
  beforeAll(async () => {
    keyed.jwks = await new JwksServer().start();
    keyed.key = await signingKey('k1');
    keyed.jwks.keys = [keyed.key.publicJwk];
    keyed.hub = await startSecuredHub(testSecurity(keyed.jwks.url, overrides));
  });
  afterAll(async () => {
    await keyed.hub?.close();
    await keyed.jwks?.close();
  });
  return keyed;
}
