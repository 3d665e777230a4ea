import { createPublicKey, type JsonWebKey, type KeyObject, X509Certificate } from 'node:crypto';

/**
 * Static JWT verification keys given as PEM: an SPKI public key (`-----BEGIN PUBLIC KEY-----`) or
 * an X.509 certificate (`-----BEGIN CERTIFICATE-----`, whose subject public key is used; the
 * certificate's dates and chain are not checked — it is only a container for the key). PEM
 * carries no algorithm, so `alg` is required (as jose's importSPKI/importX509 require it); `kid`
 * optionally names the key for tokens whose header names one.
 *
 * Shared by config validation (config/security.ts, synchronous zod) and the gateway
 * (gateway/security/jwt.ts), so both accept and refuse exactly the same keys. Error messages never
 * include key material.
 */
export interface PemPublicKey {
  readonly pem: string;
  readonly alg: string;
  readonly kid?: string | undefined;
}

/** A public JWK as jose's createLocalJWKSet takes it. */
export type PublicJwk = JsonWebKey & { kty: string; alg?: string; kid?: string; use?: string };

/** The key types (and EC curves) each JWS algorithm verifies with (RFC 7518 §3.3–3.5, RFC 8037). */
const KEY_TYPES: Readonly<Record<string, { types: readonly string[]; curve?: string }>> = {
  RS256: { types: ['rsa'] },
  RS384: { types: ['rsa'] },
  RS512: { types: ['rsa'] },
  PS256: { types: ['rsa'] },
  PS384: { types: ['rsa'] },
  PS512: { types: ['rsa'] },
  ES256: { types: ['ec'], curve: 'prime256v1' },
  ES384: { types: ['ec'], curve: 'secp384r1' },
  ES512: { types: ['ec'], curve: 'secp521r1' },
  EdDSA: { types: ['ed25519', 'ed448'] },
};

/** RFC 7518 §3.3: RSA keys of 2048 bits or more (jose refuses smaller ones when verifying). */
const MIN_RSA_BITS = 2048;

export const PEM_ALGORITHMS = Object.keys(KEY_TYPES);

export function isPemKey(entry: unknown): entry is { pem: unknown } {
  return typeof entry === 'object' && entry !== null && 'pem' in entry;
}

/** The PEM key as a public JWK carrying its `alg` (and `kid`); throws an Error saying what is wrong. */
export function pemToJwk(entry: PemPublicKey): PublicJwk {
  if (typeof entry.pem !== 'string' || entry.pem.trim() === '') throw new Error('"pem" must be a PEM string');
  const rule = typeof entry.alg === 'string' ? KEY_TYPES[entry.alg] : undefined;
  if (!rule)
    throw new Error(
      `a PEM key needs "alg" (one of ${PEM_ALGORITHMS.join(', ')}), since PEM does not say which algorithm the key is for`,
    );
  if (entry.kid !== undefined && (typeof entry.kid !== 'string' || entry.kid.length === 0))
    throw new Error('"kid" must be a non-empty string');
  const key = publicKeyOf(normalisePem(entry.pem));
  const type = key.asymmetricKeyType ?? 'unknown';
  if (!rule.types.includes(type))
    throw new Error(`the key is ${describeKey(key)}, which cannot verify ${entry.alg}`);
  const details = key.asymmetricKeyDetails ?? {};
  if (rule.curve && details.namedCurve !== rule.curve)
    throw new Error(`the key is ${describeKey(key)}; ${entry.alg} needs curve ${rule.curve}`);
  if (type === 'rsa' && (details.modulusLength ?? 0) < MIN_RSA_BITS)
    throw new Error(`the RSA key has ${details.modulusLength} bits; at least ${MIN_RSA_BITS} are required`);
  const jwk = key.export({ format: 'jwk' }) as PublicJwk;
  return { ...jwk, alg: entry.alg, use: 'sig', ...(entry.kid ? { kid: entry.kid } : {}) };
}

/** PEM pasted into JSON or an environment variable often has literal `\n` for line breaks. */
function normalisePem(pem: string): string {
  return pem.trim().replace(/\\n/g, '\n').replace(/\r\n/g, '\n');
}

function publicKeyOf(pem: string): KeyObject {
  const label = /^-----BEGIN ([A-Z0-9 ]+)-----/.exec(pem)?.[1];
  if (label === 'CERTIFICATE') {
    try {
      return new X509Certificate(pem).publicKey;
    } catch {
      throw new Error('the X.509 certificate could not be parsed (malformed PEM or DER)');
    }
  }
  if (label === 'PUBLIC KEY') {
    try {
      return createPublicKey({ key: pem, format: 'pem' });
    } catch {
      throw new Error('the SPKI public key could not be parsed (malformed PEM or DER)');
    }
  }
  if (label?.includes('PRIVATE KEY'))
    throw new Error('this is a private key: configure the public key (never the private one)');
  throw new Error(
    label
      ? `unsupported PEM block "${label}": expected "-----BEGIN PUBLIC KEY-----" or "-----BEGIN CERTIFICATE-----"`
      : 'not PEM: expected "-----BEGIN PUBLIC KEY-----" or "-----BEGIN CERTIFICATE-----"',
  );
}

function describeKey(key: KeyObject): string {
  const d = key.asymmetricKeyDetails ?? {};
  const type = key.asymmetricKeyType ?? 'unknown';
  if (type === 'ec') return `an EC key on ${d.namedCurve ?? 'an unknown curve'}`;
  if (type === 'rsa' || type === 'rsa-pss') return `an ${type.toUpperCase()} key (${d.modulusLength} bits)`;
  return `a${/^[aeiou]/.test(type) ? 'n' : ''} ${type} key`;
}
