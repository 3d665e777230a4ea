import { afterAll, beforeAll, expect, it } from 'vitest';
import { type SecuredShop, startSecuredShop } from '../security/shop.js';
import { fuzzGateway, fuzzTokens } from './fuzz-gateway.js';

/** A small fuzz run in `npm test` (the full ≥ 10 000 run is `npm run fuzz`, test/fuzz/run.ts). */
let s: SecuredShop;
beforeAll(async () => {
  s = await startSecuredShop();
});
afterAll(() => s?.close());

it('random and mutated requests get well-formed answers in bounded time; the process stays up', async () => {
  const outcome = await fuzzGateway(s.gateway.url, 300, undefined, 5_000, await fuzzTokens(s));
  expect(outcome.slowestMs).toBeLessThan(5_000);
  const health = await fetch(s.gateway.url.replace(/graphql$/, 'health'));
  expect(health.status).toBe(200);
}, 60_000);
