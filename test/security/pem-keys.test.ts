import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityOptionsFromConfig } from '../../cli/gateway-options.js';
import { ConfigError, resolveConfig } from '../../config/index.js';
import { pemToJwk } from '../../core/public-keys.js';
import { JwtAuthenticator } from '../../gateway/security/jwt.js';
import { startTestGateway, type TestGateway } from '../fixtures/harness.js';
import { type Shop, startShop } from '../fixtures/shop/index.js';
import { testJwt } from '../fixtures/tokens.js';
import { AUDIENCE, bearer, ISSUER } from './support.js';

/**
 * Static keys as PEM — SPKI public keys and X.509 certificates, RSA and EC, generated here — verify
 * tokens like JWKs do; a malformed PEM, a missing or mismatched `alg` is a configuration error
 * naming the entry.
 */
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const rsaSpki = rsa.publicKey.export({ type: 'spki', format: 'pem' }) as string;
const ecCertificate = selfSignedCertificate(ec.privateKey, ec.publicKey);

async function token(
  key: KeyObject,
  alg: string,
  kid: string | undefined,
  claims: Record<string, unknown> = {},
) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ region: '18', scope: 'shop:prices', ...claims })
    .setProtectedHeader({ alg, ...(kid ? { kid } : {}) })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject('pem-analyst')
    .setExpirationTime(now + 300)
    .sign(key);
}

function problemsOf(publicKeys: unknown[], algorithms?: string[]): readonly string[] {
  try {
    resolveConfig({
      security: { jwt: { publicKeys, issuer: ISSUER, ...(algorithms ? { algorithms } : {}) } },
    });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('PEM to JWK', () => {
  it('an RSA SPKI key and an EC certificate become JWKs carrying alg and kid', () => {
    expect(pemToJwk({ pem: rsaSpki, alg: 'RS256', kid: 'rsa-1' })).toMatchObject({
      kty: 'RSA',
      alg: 'RS256',
      kid: 'rsa-1',
      use: 'sig',
      n: expect.any(String),
    });
    expect(pemToJwk({ pem: ecCertificate, alg: 'ES256' })).toMatchObject({
      kty: 'EC',
      crv: 'P-256',
      alg: 'ES256',
    });
    expect(pemToJwk({ pem: ecCertificate, alg: 'ES256' })).not.toHaveProperty('d');
  });

  it('PEM with literal \\n (pasted into JSON or an environment variable) is accepted', () => {
    expect(pemToJwk({ pem: rsaSpki.replace(/\n/g, '\\n'), alg: 'PS256' }).kty).toBe('RSA');
  });
});

describe('config validation names the entry and the problem', () => {
  it.each([
    [
      'malformed PEM',
      { pem: '-----BEGIN PUBLIC KEY-----\nnot base64 at all\n-----END PUBLIC KEY-----', alg: 'RS256' },
      /could not be parsed/,
    ],
    ['missing alg', { pem: rsaSpki, kid: 'no-alg' }, /kid "no-alg".*needs "alg"/],
    [
      'a key of the wrong type for alg',
      { pem: ecCertificate, alg: 'RS256' },
      /EC key on prime256v1, which cannot verify RS256/,
    ],
    ['a curve that does not fit', { pem: ecCertificate, alg: 'ES384' }, /needs curve secp384r1/],
    [
      'a private key',
      { pem: ec.privateKey.export({ type: 'pkcs8', format: 'pem' }), alg: 'ES256' },
      /private key/,
    ],
    [
      'an RSA key under 2048 bits',
      {
        pem: generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({
          type: 'spki',
          format: 'pem',
        }),
        alg: 'RS256',
      },
      /1024 bits; at least 2048/,
    ],
    ['not PEM', { pem: 'hello', alg: 'RS256' }, /not PEM/],
    ['an unknown field', { pem: rsaSpki, alg: 'RS256', use: 'sig' }, /unknown field use/],
    ['neither JWK nor PEM', { n: 'abc' }, /neither a JWK/],
  ])('%s', (_name, entry, message) => {
    const problems = problemsOf(
      [{ kty: 'EC', crv: 'P-256', x: 'a', y: 'b' }, entry],
      ['RS256', 'ES256', 'ES384'],
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^security\.jwt\.publicKeys\.1: /);
    expect(problems[0]).toMatch(message);
    expect(problems[0]).not.toMatch(/MII/); // never key material
  });

  it('an alg the gateway does not accept is named', () => {
    expect(problemsOf([{ pem: rsaSpki, alg: 'RS512' }], ['RS256'])).toEqual([
      'security.jwt.publicKeys.0.alg: RS512 is not in algorithms (RS256): tokens for this key would never verify',
    ]);
  });

  it('library users get the same check when the gateway starts', () => {
    expect(
      () => new JwtAuthenticator(testJwt({ publicKeys: [{ pem: 'nope', alg: 'ES256', kid: 'x' }] as never })),
    ).toThrow(/jwt\.publicKeys\[0\] \(kid "x"\): not PEM/);
  });
});

describe('a gateway configured with PEM keys', () => {
  let shop: Shop;
  let gateway: TestGateway;
  beforeAll(async () => {
    shop = await startShop();
    // Through the configuration and the CLI mapping, as `npm start` would run it.
    const config = resolveConfig({
      security: {
        jwt: {
          publicKeys: [
            { pem: rsaSpki, alg: 'RS256', kid: 'rsa-1' },
            { pem: ecCertificate.replace(/\n/g, '\\n'), alg: 'ES256' },
          ],
          algorithms: ['RS256', 'ES256'],
          issuer: ISSUER,
          audience: AUDIENCE,
        },
        rateLimit: { enabled: false },
      },
    });
    const security = { ...securityOptionsFromConfig(config, {}), accessLog: () => {} };
    gateway = await startTestGateway(shop.supergraphPath, { supergraphPollIntervalMs: 0, security });
  });
  afterAll(async () => {
    await gateway?.close();
    await shop?.close();
  });

  const Q = '{ departments { title } }';

  it('accepts tokens signed by the RSA key (by kid) and the certificate key (without kid)', async () => {
    for (const t of [
      await token(rsa.privateKey, 'RS256', 'rsa-1'),
      await token(ec.privateKey, 'ES256', undefined),
    ]) {
      const result = await gateway.query(Q, undefined, bearer(t));
      expect(result.status).toBe(200);
      expect(result.errors).toBeUndefined();
      expect(result.data).toMatchObject({ departments: expect.any(Array) });
    }
  });

  it('refuses a token from another key, or a key used with the other algorithm', async () => {
    const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const refused = [
      await token(stranger.privateKey, 'ES256', undefined),
      await token(rsa.privateKey, 'PS256', 'rsa-1'),
      await token(rsa.privateKey, 'RS256', 'unknown-kid'),
    ];
    for (const t of refused) {
      const result = await gateway.query(Q, undefined, bearer(t));
      expect(result.status).toBe(401);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHORIZED');
    }
  });
});

/**
 * A minimal self-signed X.509 v1 certificate (RFC 5280 §4.1) for `publicKey`, signed with ECDSA
 * P-256/SHA-256 — Node can parse certificates but not make them, and tests add no dependency.
 */
function selfSignedCertificate(privateKey: KeyObject, publicKey: KeyObject): string {
  const der = (tag: number, ...content: Buffer[]) => {
    const body = Buffer.concat(content);
    const n = body.length;
    const length =
      n < 0x80
        ? Buffer.from([n])
        : n < 0x100
          ? Buffer.from([0x81, n])
          : Buffer.from([0x82, n >> 8, n & 0xff]);
    return Buffer.concat([Buffer.from([tag]), length, body]);
  };
  const ecdsaWithSha256 = der(0x30, Buffer.from('06082a8648ce3d040302', 'hex'));
  const name = der(
    0x30,
    der(0x31, der(0x30, Buffer.from('0603550403', 'hex'), der(0x0c, Buffer.from('vardnav-test')))),
  );
  const time = (d: Date) => der(0x17, Buffer.from(`${d.toISOString().slice(2, 19).replace(/[-T:]/g, '')}Z`));
  const now = Date.now();
  const tbs = der(
    0x30,
    der(0x02, Buffer.from([0x01])),
    ecdsaWithSha256,
    name,
    der(0x30, time(new Date(now - 60_000)), time(new Date(now + 86_400_000))),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
  );
  const signature = sign('sha256', tbs, privateKey);
  const certificate = der(0x30, tbs, ecdsaWithSha256, der(0x03, Buffer.from([0]), signature));
  const base64 = certificate
    .toString('base64')
    .match(/.{1,64}/g)!
    .join('\n');
  return `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`;
}
