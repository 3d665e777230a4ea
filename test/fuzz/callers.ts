import type { Identity } from '../../gateway/security/identity.js';
import { mint, NATIONAL_SCOPE, signingKey, type TestIssuer } from '../fixtures/tokens.js';

/**
 * Who the hub fuzz sends requests as. Each caller carries the headers it sends and the identity
 * the gateway must derive from them, so the invariants can decide what it may see with the same
 * policy the gateway uses (gateway/security/region-policy.ts). Garbage callers must get HTTP 401.
 */
export interface Caller {
  readonly name: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The identity a valid token yields; null for garbage (the gateway must refuse with 401). */
  readonly identity: Identity | null;
  /** Relative share of requests sent as this caller. */
  readonly weight: number;
}

const OPERATIONAL = ['vardnav:flows', 'vardnav:prices', 'vardnav:workforce'];

function identity(subject: string, region: string | null, scopes: readonly string[]): Identity {
  return { authenticated: true, subject, region, scopes: [...new Set(scopes)].sort() };
}

/**
 * Valid tokens of the hub's test issuer: regions with every operational scope (Örebro 18 in
 * Mellansverige, Stockholm 01 in Stockholm-Gotland, Halland 13 in both Södra and Västra), a
 * region without scopes, a token without a region claim, a national analyst, no token at all;
 * and garbage (malformed, another issuer's key, expired, wrong audience).
 */
export async function fuzzCallers(issuer: TestIssuer): Promise<Caller[]> {
  const valid = async (name: string, region: string | null, scopes: string[], weight: number) => {
    const token = await issuer.token({
      sub: `fuzz-${name}`,
      scope: scopes.join(' '),
      ...(region ? { region } : {}),
      expiresIn: 3_600,
    });
    return {
      name,
      headers: { authorization: `Bearer ${token}` },
      identity: identity(`fuzz-${name}`, region, scopes),
      weight,
    };
  };
  const stranger = await signingKey(issuer.key.kid);
  const garbage = (name: string, authorization: string): Caller => ({
    name,
    headers: { authorization },
    identity: null,
    weight: 1,
  });
  return [
    {
      name: 'anonymous',
      headers: {},
      identity: { authenticated: false, subject: null, region: null, scopes: [] },
      weight: 15,
    },
    await valid('region-18', '18', OPERATIONAL, 20),
    await valid('region-01', '01', OPERATIONAL, 14),
    await valid('region-13', '13', OPERATIONAL, 10),
    await valid('region-14-no-scopes', '14', [], 7),
    await valid('no-region', null, OPERATIONAL, 5),
    await valid('national', null, [...OPERATIONAL, NATIONAL_SCOPE], 17),
    garbage('garbage-malformed', 'Bearer abc.def.ghi'),
    garbage(
      'garbage-foreign-key',
      `Bearer ${await mint(stranger, { region: '18', scope: OPERATIONAL.join(' ') })}`,
    ),
    garbage('garbage-expired', `Bearer ${await issuer.token({ region: '18', expiresIn: -3_600 })}`),
    garbage('garbage-audience', `Bearer ${await issuer.token({ region: '18', aud: 'someone-else' })}`),
  ];
}
