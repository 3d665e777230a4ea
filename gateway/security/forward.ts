import { LRUCache } from 'lru-cache';
import { IDENTITY_HEADER, signForwardedIdentity } from '../../subgraphs/kit/identity.js';
import { type Identity, identityKey } from './identity.js';

/**
 * Signs the verified identity for subgraphs (subgraphs/kit/identity.ts). A token is reused while
 * it has more than half its lifetime left, so requests of the same caller carry identical headers
 * and can still share in-flight subgraph requests; different callers never do.
 */
export class IdentityForwarder {
  readonly header = IDENTITY_HEADER;
  private readonly cache = new LRUCache<string, { token: string; renewAt: number }>({ max: 10_000 });

  constructor(
    private readonly secret: string | Uint8Array,
    private readonly ttlSeconds = 60,
  ) {}

  async token(identity: Identity): Promise<string> {
    const key = identityKey(identity);
    const now = Date.now();
    const cached = this.cache.get(key);
    if (cached && cached.renewAt > now) return cached.token;
    const token = await signForwardedIdentity(identity, this.secret, this.ttlSeconds);
    this.cache.set(key, { token, renewAt: now + (this.ttlSeconds * 1000) / 2 });
    return token;
  }
}
