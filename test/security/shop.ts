import type { GatewayServerOptions } from '../../gateway/index.js';
import type { SecurityOptions } from '../../gateway/security/options.js';
import { startTestGateway, type TestGateway } from '../fixtures/harness.js';
import { type Shop, startShop } from '../fixtures/shop/index.js';
import { JwksServer, type SigningKey, signingKey, testSecurity } from './support.js';

/** The shop fixture behind a secured gateway, with a JWKS on loopback. */
export interface SecuredShop {
  readonly shop: Shop;
  readonly gateway: TestGateway;
  readonly jwks: JwksServer;
  readonly key: SigningKey;
  close(): Promise<void>;
}

export async function startSecuredShop(
  overrides: Partial<SecurityOptions> = {},
  options: Partial<GatewayServerOptions> = {},
): Promise<SecuredShop> {
  const jwks = await new JwksServer().start();
  const key = await signingKey('k1');
  jwks.keys = [key.publicJwk];
  const shop = await startShop();
  const gateway = await startTestGateway(shop.supergraphPath, {
    supergraphPollIntervalMs: 0,
    security: testSecurity(jwks.url, overrides),
    ...options,
  });
  return {
    shop,
    gateway,
    jwks,
    key,
    close: async () => {
      await gateway.close();
      await shop.close();
      await jwks.close();
    },
  };
}
