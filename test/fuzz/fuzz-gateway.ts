import fc from 'fast-check';
import { request } from 'undici';
import { mint, type SigningKey } from '../fixtures/tokens.js';

/**
 * Fuzz run against a running gateway on loopback: random and mutated queries, variables, bodies
 * and headers. Every answer must be a well-formed GraphQL response or HTTP error, in bounded time.
 * Used by test/fuzz/fuzz.test.ts (small count) and `npm run fuzz` (full count, ≥ 10 000).
 */
export interface FuzzOutcome {
  readonly runs: number;
  readonly statuses: Record<number, number>;
  readonly slowestMs: number;
}

const SEEDS = [
  '{ products { name } }',
  '{ me { name reviews { body product { name } } } }',
  '{ departments { title } pricedDepartments { id } }',
  'query Q($upc: ID!) { product(upc: $upc) { name price } }',
  '{ topProducts(first: 5) { name } }',
  '{ __schema { types { name } } }',
  '{ search(term: "a") { __typename ... on Product { name } } }',
];
const TOKENS = [
  '{',
  '}',
  '(',
  ')',
  '...',
  'on',
  'fragment',
  'query',
  '$x',
  ':',
  '@skip(if: true)',
  '"',
  '#',
  '\u0000',
  'a'.repeat(50),
  '__typename',
  'first: 99999',
  '[',
  ']',
  '!',
];

const mutated = fc
  .tuple(
    fc.constantFrom(...SEEDS),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(...TOKENS), fc.boolean()), { maxLength: 6 }),
  )
  .map(([seed, edits]) => {
    let text = seed;
    for (const [at, token, insert] of edits) {
      const i = at % (text.length + 1);
      text = insert
        ? text.slice(0, i) + token + text.slice(i)
        : text.slice(0, i) + text.slice(i + token.length);
    }
    return text;
  });
const nested = fc
  .nat({ max: 60 })
  .map((n) => `${'{ me { reviews { product '.repeat(n)}{ name }${' } } }'.repeat(n)}`);
const query = fc.oneof(mutated, nested, fc.string({ maxLength: 200 }), fc.constantFrom(...SEEDS));
const json = fc.jsonValue({ maxDepth: 3 });
const body = fc.oneof(
  fc
    .record({
      query,
      variables: fc.option(fc.dictionary(fc.string({ maxLength: 8 }), json), { nil: undefined }),
      operationName: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }),
    })
    .map((b) => JSON.stringify(b)),
  fc.array(fc.record({ query }), { maxLength: 3 }).map((b) => JSON.stringify(b)),
  json.map((b) => JSON.stringify(b)),
  fc.string({ maxLength: 300 }),
);
/**
 * Headers: mostly no token or a valid one (so requests reach parsing, planning and execution),
 * sometimes garbage (so authentication is fuzzed too).
 */
const headersWith = (validTokens: readonly string[]) =>
  fc.record(
    {
      'content-type': fc.constantFrom(
        'application/json',
        'text/plain',
        'application/graphql',
        'application/json; charset=utf-8',
      ),
      authorization: fc.oneof(
        ...(validTokens.length > 0
          ? [{ weight: 6, arbitrary: fc.constantFrom(...validTokens).map((t) => `Bearer ${t}`) }]
          : []),
        { weight: 1, arbitrary: fc.constant('Bearer abc.def.ghi') },
        { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map((s) => `Bearer ${s}`) },
        { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
      ),
      'apollographql-client-name': fc.constantFrom('web', 'analys', ''),
      'apollo-require-preflight': fc.constant('true'),
    },
    { requiredKeys: ['content-type', 'apollo-require-preflight'] },
  );
const method = fc.constantFrom('POST', 'POST', 'POST', 'GET');

export async function fuzzGateway(
  url: string,
  runs: number,
  seed = 20250101,
  timeoutMs = 5_000,
  /** Valid bearer tokens to send most of the time (without them, most requests stop at auth). */
  validTokens: readonly string[] = [],
): Promise<FuzzOutcome> {
  const headers = headersWith(validTokens);
  const statuses: Record<number, number> = {};
  let slowestMs = 0;
  await fc.assert(
    fc.asyncProperty(method, body, headers, async (m, b, h) => {
      const cleanHeaders = Object.fromEntries(
        Object.entries(h).filter(([, v]) => /^[\t\x20-\x7e]*$/.test(v as string)),
      );
      const started = performance.now();
      const target = m === 'GET' ? `${url}?query=${encodeURIComponent(b.slice(0, 500))}` : url;
      const response = await request(target, {
        method: m,
        headers: cleanHeaders as Record<string, string>,
        ...(m === 'POST' ? { body: b } : {}),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      const text = await response.body.text();
      const took = performance.now() - started;
      slowestMs = Math.max(slowestMs, took);
      statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
      if (took > timeoutMs) throw new Error(`answer took ${Math.round(took)} ms`);
      if (response.statusCode >= 500) throw new Error(`HTTP ${response.statusCode}: ${text.slice(0, 200)}`);
      if (
        response.statusCode === 200 ||
        (text.startsWith('{') && response.headers['content-type']?.toString().includes('json'))
      ) {
        const parsed = JSON.parse(text) as {
          data?: unknown;
          errors?: Array<{ message?: unknown; extensions?: { code?: unknown } }>;
        };
        const httpError =
          response.statusCode >= 400 && typeof (parsed as { statusCode?: unknown }).statusCode === 'number';
        if (!httpError && !('data' in parsed) && !Array.isArray(parsed.errors) && !Array.isArray(parsed))
          throw new Error(`not a GraphQL response: ${text.slice(0, 200)}`);
        for (const e of parsed.errors ?? []) {
          if (typeof e.message !== 'string') throw new Error('error without message');
          if (e.extensions?.code === 'INTERNAL_SERVER_ERROR')
            throw new Error(`internal error for ${b.slice(0, 200)}`);
        }
      }
    }),
    { numRuns: runs, seed, endOnFailure: true },
  );
  return { runs, statuses, slowestMs };
}

/** Valid tokens of the secured shop's issuer: anonymous-like, one region with scopes, national. */
export async function fuzzTokens(shop: { key: SigningKey }): Promise<string[]> {
  return Promise.all([
    mint(shop.key, { sub: 'fuzz-1', region: '18', scope: 'vardnav:flows vardnav:prices' }),
    mint(shop.key, { sub: 'fuzz-2', region: '07', scope: '' }),
    mint(shop.key, {
      sub: 'fuzz-3',
      scope: 'vardnav:national vardnav:flows vardnav:prices vardnav:workforce',
    }),
  ]);
}
