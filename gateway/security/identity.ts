/**
 * Vem frågar — who is asking: the verified caller of one request. Built from a validated bearer
 * JWT (jwt.ts) or anonymous. Never built from raw client headers.
 */
export interface Identity {
  readonly authenticated: boolean;
  /** `sub` claim; null for anonymous callers. */
  readonly subject: string | null;
  /** The caller's region (länskod) from the region claim; null when absent or not a länskod. */
  readonly region: string | null;
  /** Granted scopes (space-separated `scope` claim by default), sorted and unique. */
  readonly scopes: readonly string[];
}

export const ANONYMOUS: Identity = Object.freeze({
  authenticated: false,
  subject: null,
  region: null,
  scopes: Object.freeze([]) as readonly string[],
});

/**
 * The authorisation state that decides which fields an operation may touch: part of the plan
 * cache key. Callers with the same state get the same (filtered) plan, so nothing planned for one
 * state is ever served to another.
 */
export function authorisationKey(identity: Identity): string {
  return identity.authenticated ? `auth|${identity.scopes.join(' ')}` : 'anon';
}

/** Everything that can change a subgraph's answer: part of the subgraph request dedup key. */
export function identityKey(identity: Identity): string {
  if (!identity.authenticated) return 'anon';
  return `${identity.subject ?? ''}|${identity.region ?? ''}|${identity.scopes.join(' ')}`;
}
