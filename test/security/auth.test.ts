import { describe, expect, it } from 'vitest';
import { bearer, mint, signingKey, suiteKeyedHub } from './support.js';

/** Bearer JWTs against a JWKS served on loopback: every way a token can be good or bad. */
const FLOWS =
  '{ region(code: "13") { name patientFlowsOut(level: YEAR_ALL_CARE_AREAS, first: 1) { totalCount } } }';

const keyed = suiteKeyedHub();

const flowsOf = (data: unknown) => (data as { region: { patientFlowsOut: unknown } }).region.patientFlowsOut;

it('a valid token with the scope reads marked fields', async () => {
  const token = await mint(keyed.key, { region: '13', scope: 'vardnav:flows' });
  const result = await keyed.hub.gateway.query(FLOWS, undefined, bearer(token));
  expect(result.errors).toBeUndefined();
  expect(flowsOf(result.data)).toMatchObject({ totalCount: expect.any(Number) });
});

it('no token: marked fields are null with UNAUTHORIZED at their path, public data still answers', async () => {
  const result = await keyed.hub.gateway.query(FLOWS);
  expect(result.status).toBe(200);
  expect((result.data as { region: { name: string } }).region.name).toBe('Region Halland');
  expect(flowsOf(result.data)).toBeNull();
  expect(result.errors).toEqual([
    expect.objectContaining({ path: ['region', 'patientFlowsOut'], extensions: { code: 'UNAUTHORIZED' } }),
  ]);
});

it('a token without the scope gets FORBIDDEN', async () => {
  const token = await mint(keyed.key, { region: '13', scope: 'vardnav:workforce' });
  const result = await keyed.hub.gateway.query(FLOWS, undefined, bearer(token));
  expect(flowsOf(result.data)).toBeNull();
  expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
});

describe('invalid tokens are refused with 401 and a reason', () => {
  const cases: Array<[string, () => Promise<string>, RegExp]> = [
    ['expired (beyond the clock skew)', () => mint(keyed.key, { expiresIn: -60 }), /expired/],
    ['wrong issuer', () => mint(keyed.key, { iss: 'https://evil.example' }), /iss/],
    ['wrong audience', () => mint(keyed.key, { aud: 'someone-else' }), /aud/],
    [
      'tampered payload',
      async () => {
        const [h, , s] = (await mint(keyed.key, { scope: 'x' })).split('.');
        const payload = Buffer.from(
          JSON.stringify({
            sub: 'x',
            scope: 'vardnav:flows',
            iss: 'https://idp.test.vardnav.se',
            aud: 'vardnav-hub',
            exp: 9999999999,
          }),
        ).toString('base64url');
        return `${h}.${payload}.${s}`;
      },
      /signature/,
    ],
    [
      'alg none',
      async () => {
        const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
        return `${enc({ alg: 'none', kid: 'k1' })}.${enc({ sub: 'x', exp: 9999999999, iss: 'https://idp.test.vardnav.se', aud: 'vardnav-hub' })}.`;
      },
      /.+/,
    ],
    ['unknown signing key', async () => mint(await signingKey('stranger')), /no key/],
    ['not a JWT', async () => 'abc.def', /malformed|invalid/],
  ];
  for (const [name, token, reason] of cases) {
    it(name, async () => {
      const result = await keyed.hub.gateway.query(FLOWS, undefined, bearer(await token()));
      expect(result.status).toBe(401);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHORIZED');
      expect(result.errors?.[0]?.message).toMatch(reason);
    });
  }
  it('a malformed Authorization header', async () => {
    const result = await keyed.hub.gateway.query(FLOWS, undefined, { authorization: 'Basic dXNlcjpwYXNz' });
    expect(result.status).toBe(401);
  });
});

it('a token just expired within the clock skew is still accepted', async () => {
  const token = await mint(keyed.key, { scope: 'vardnav:flows', region: '13', expiresIn: -2 });
  const result = await keyed.hub.gateway.query(FLOWS, undefined, bearer(token));
  expect(result.status).toBe(200);
  expect(result.errors).toBeUndefined();
});

it('key rotation: a token signed with a new kid makes the gateway refetch the JWKS', async () => {
  const rotated = await signingKey('k2');
  keyed.jwks.keys = [keyed.key.publicJwk, rotated.publicJwk];
  const before = keyed.jwks.fetches;
  const token = await mint(rotated, { region: '13', scope: 'vardnav:flows' });
  const result = await keyed.hub.gateway.query(FLOWS, undefined, bearer(token));
  expect(result.errors).toBeUndefined();
  expect(keyed.jwks.fetches).toBeGreaterThan(before);
  // The old key, once removed from the set, stops working after the next refresh.
  keyed.jwks.keys = [rotated.publicJwk];
  const third = await signingKey('k3');
  keyed.jwks.keys = [rotated.publicJwk, third.publicJwk];
  await keyed.hub.gateway.query(FLOWS, undefined, bearer(await mint(third, { scope: 'vardnav:flows' })));
  const old = await keyed.hub.gateway.query(
    FLOWS,
    undefined,
    bearer(await mint(keyed.key, { scope: 'vardnav:flows' })),
  );
  expect(old.status).toBe(401);
});

it('removed fields are never asked of a subgraph', async () => {
  const sent = keyed.hub.gateway.gateway.client.sent;
  const before = sent.get('hogspecialiserad-vard') ?? 0;
  await keyed.hub.gateway.query(
    '{ region(code: "13") { name patientFlowsOut { totalCount } } priceLists { totalCount } }',
  );
  expect(sent.get('hogspecialiserad-vard') ?? 0).toBe(before);
});
