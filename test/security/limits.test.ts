import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../core/log.js';
import { DEFAULT_LIMITS } from '../../gateway/security/options.js';
import { type SecuredShop, startSecuredShop } from './shop.js';

/** Each operation limit: rejected before planning with a clear error, or only logged in measure mode. */
const LIMITS = {
  ...DEFAULT_LIMITS,
  maxDepth: 3,
  maxAliases: 2,
  maxRootFields: 3,
  maxDirectives: 2,
  maxTokens: 60,
  maxCost: 150,
};
let enforce: SecuredShop;
let measure: SecuredShop;
const logged: string[] = [];
beforeAll(async () => {
  enforce = await startSecuredShop({ limits: LIMITS });
  measure = await startSecuredShop(
    { limits: { ...LIMITS, mode: 'measure' } },
    { logger: createLogger('warn', {}, (line) => logged.push(line)) },
  );
});
afterAll(async () => {
  await enforce?.close();
  await measure?.close();
});

const CASES: Array<[string, string, number]> = [
  ['depth', '{ me { reviews { product { name } } } }', 4],
  ['aliases', '{ a: products { name } b: products { name } c: products { upc } }', 3],
  ['rootFields', '{ products { name } me { name } latestReviews { body } topProducts { name } }', 4],
  ['directives', '{ products @include(if: true) { name @skip(if: false) upc @include(if: true) } }', 3],
  ['tokens', `{ products { ${'name '.repeat(60)} } }`, 61],
  ['cost', '{ topProducts(first: 200) { name } }', 201],
];

describe.each(CASES)('%s', (limit, query, measured) => {
  it('enforce: 400 OPERATION_LIMIT_EXCEEDED naming the limit and the measured value; no subgraph called', async () => {
    enforce.shop.reset();
    const result = await enforce.gateway.query(query);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit });
    expect(result.errors?.[0]?.extensions?.measured).toBeGreaterThanOrEqual(measured);
    expect(result.errors?.[0]?.message).toContain(`${limit} limit`);
    expect(Object.values(enforce.shop.subgraphs).reduce((n, sg) => n + sg.requests.length, 0)).toBe(0);
  });

  it('measure: runs, and the excess is logged', async () => {
    logged.length = 0;
    const result = await measure.gateway.query(query);
    expect(result.status).toBe(200);
    expect(
      logged.some((l) => l.includes('operation limit exceeded') && l.includes(`"limit":"${limit}"`)),
    ).toBe(true);
  });
});

it('a fragment bomb is measured in linear time and refused by cost', async () => {
  const levels = 12;
  let doc = '{ ...F0 }\n';
  for (let i = 0; i < levels; i++)
    doc += `fragment F${i} on Query { products { name } ...F${i + 1} ...F${i + 1} }\n`;
  doc = doc.replace(`...F${levels} ...F${levels}`, 'me { name }');
  const started = performance.now();
  const result = await enforce.gateway.query(doc);
  expect(performance.now() - started).toBeLessThan(2_000);
  expect(result.errors?.[0]?.extensions?.code).toBe('OPERATION_LIMIT_EXCEEDED');
});

it('variables set list sizes for the cost', async () => {
  const q = 'query ($n: Int) { topProducts(first: $n) { name } }';
  expect((await enforce.gateway.query(q, { n: 2 })).status).toBe(200);
  expect((await enforce.gateway.query(q, { n: 500 })).errors?.[0]?.extensions?.limit).toBe('cost');
});
