import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BucketOptions,
  type BucketState,
  MemoryRateLimitStore,
  type RateLimitStore,
  takeFromBucket,
} from '../../gateway/security/rate-limit.js';
import { startTestGateway, type TestGateway } from '../fixtures/harness.js';
import { type SecuredShop, startSecuredShop } from './shop.js';
import { bearer, mint, testSecurity } from './support.js';

/** Token buckets per subject, per region and per anonymous address. */
let s: SecuredShop;
beforeAll(async () => {
  s = await startSecuredShop({
    rateLimit: {
      perSubject: { capacity: 3, refillPerSecond: 0.01 },
      perRegion: { capacity: 5, refillPerSecond: 0.01 },
      anonymous: { capacity: 2, refillPerSecond: 0.01 },
    },
  });
});
afterAll(() => s?.close());

const Q = '{ products { name } }';

it('per subject: the fourth request is 429 with Retry-After; another subject is not affected', async () => {
  const a = bearer(await mint(s.key, { sub: 'a', region: '01' }));
  for (let i = 0; i < 3; i++) expect((await s.gateway.query(Q, undefined, a)).status).toBe(200);
  const limited = await s.gateway.query(Q, undefined, a);
  expect(limited.status).toBe(429);
  expect(limited.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'subject' });
  expect(
    (await s.gateway.query(Q, undefined, bearer(await mint(s.key, { sub: 'b', region: '03' })))).status,
  ).toBe(200);
});

it('per region: subjects of one region share its bucket', async () => {
  const results = [];
  for (let i = 0; i < 6; i++) {
    results.push(
      (await s.gateway.query(Q, undefined, bearer(await mint(s.key, { sub: `r18-${i}`, region: '18' }))))
        .status,
    );
  }
  expect(results).toEqual([200, 200, 200, 200, 200, 429]);
});

it('anonymous callers are limited per address', async () => {
  const statuses = [];
  for (let i = 0; i < 3; i++) statuses.push((await s.gateway.query(Q)).status);
  expect(statuses).toEqual([200, 200, 429]);
});

it('buckets refill over time; a refused take consumes nothing', () => {
  const store = new MemoryRateLimitStore();
  const bucket = { capacity: 1, refillPerSecond: 2 };
  expect(store.take('k', 1, 0, bucket)).toEqual({ allowed: true, retryAfterMs: 0 });
  expect(store.take('k', 1, 100, bucket)).toEqual({ allowed: false, retryAfterMs: 400 });
  expect(store.take('k', 1, 500, bucket)).toEqual({ allowed: true, retryAfterMs: 0 });
  expect(store.take('other', 1, 500, bucket).allowed).toBe(true);
});

it('a cost above the burst runs on a full bucket and leaves a debt; a clock going back adds nothing', () => {
  const bucket = { capacity: 2, refillPerSecond: 1 };
  let { state, decision } = takeFromBucket(undefined, 3, 0, bucket);
  expect(decision.allowed).toBe(true);
  expect(state.tokens).toBe(-1);
  ({ state, decision } = takeFromBucket(state, 1, 1_000, bucket));
  expect(decision).toEqual({ allowed: false, retryAfterMs: 1_000 });
  ({ decision } = takeFromBucket(state, 1, -5_000, bucket));
  expect(decision).toEqual({ allowed: false, retryAfterMs: 1_000 });
});

describe('a custom store (what a shared Redis store plugs into)', () => {
  /** A store kept outside the gateways, shared by two of them as replicas would share Redis. */
  class SharedStore implements RateLimitStore {
    readonly calls: Array<{ key: string; cost: number; bucket: BucketOptions }> = [];
    private readonly state = new Map<string, BucketState>();
    failing = false;
    async take(key: string, cost: number, nowMs: number, bucket: BucketOptions) {
      if (this.failing) throw new Error('store unreachable');
      this.calls.push({ key, cost, bucket });
      const result = takeFromBucket(this.state.get(key), cost, nowMs, bucket);
      this.state.set(key, result.state);
      return result.decision;
    }
  }
  const store = new SharedStore();
  const limits = {
    perSubject: { capacity: 3, refillPerSecond: 0.01 },
    perRegion: { capacity: 100, refillPerSecond: 0.01 },
    anonymous: { capacity: 100, refillPerSecond: 0.01 },
    store,
  };
  let replicaA: SecuredShop;
  let replicaB: TestGateway;
  beforeAll(async () => {
    replicaA = await startSecuredShop({ rateLimit: limits });
    replicaB = await startTestGateway(replicaA.shop.supergraphPath, {
      supergraphPollIntervalMs: 0,
      security: testSecurity(replicaA.jwks.url, { rateLimit: limits }),
    });
  });
  afterAll(async () => {
    await replicaB?.close();
    await replicaA?.close();
  });

  it('two gateways sharing one store enforce one limit together, per subject and region keys', async () => {
    const who = bearer(await mint(replicaA.key, { sub: 'shared', region: '12' }));
    const statuses = [];
    for (const gateway of [replicaA.gateway, replicaB, replicaA.gateway, replicaB])
      statuses.push((await gateway.query(Q, undefined, who)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(store.calls[0]).toEqual({ key: 'sub:shared', cost: 1, bucket: limits.perSubject });
    expect(store.calls[1]).toEqual({ key: 'region:12', cost: 1, bucket: limits.perRegion });
  });

  it('a failing store lets requests through (logged) instead of failing them', async () => {
    store.failing = true;
    try {
      const result = await replicaB.query(Q);
      expect(result.status).toBe(200);
      expect(result.errors).toBeUndefined();
    } finally {
      store.failing = false;
    }
  });
});
