import { afterAll, beforeAll, expect, it } from 'vitest';
import { MemoryRateLimitStore } from '../../gateway/security/rate-limit.js';
import { type SecuredShop, startSecuredShop } from './shop.js';
import { bearer, mint } from './support.js';

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

it('buckets refill over time', () => {
  const store = new MemoryRateLimitStore();
  const bucket = { capacity: 1, refillPerSecond: 2 };
  expect(store.take('k', bucket, 0)).toBe(0);
  expect(store.take('k', bucket, 100)).toBe(400);
  expect(store.take('k', bucket, 500)).toBe(0);
});
