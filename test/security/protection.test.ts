import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../gateway/security/trusted-documents.js';
import { type SecuredShop, startSecuredShop } from './shop.js';

/** Production mode, trusted documents, CORS, batching, CSRF, body limit and the request deadline. */
const TRUSTED = 'query Products { products { name } }';
const ORIGIN = 'https://vardnav.example.se';
let prod: SecuredShop;
let dev: SecuredShop;
beforeAll(async () => {
  prod = await startSecuredShop(
    {
      suggestions: false,
      corsOrigins: [ORIGIN],
      requestDeadlineMs: 300,
      trustedDocuments: {
        documents: new Map([[sha256(TRUSTED), TRUSTED]]),
        requireFor: ['web'],
        clientHeader: 'apollographql-client-name',
      },
    },
    { introspection: false },
  );
  dev = await startSecuredShop();
});
afterAll(async () => {
  await prod?.close();
  await dev?.close();
});

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('production mode', () => {
  it('introspection is off', async () => {
    const result = await prod.gateway.query('{ __schema { types { name } } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await dev.gateway.query('{ __schema { queryType { name } } }')).errors).toBeUndefined();
  });

  it('schema suggestions are hidden', async () => {
    const prodResult = await prod.gateway.query('{ prodcts { name } }');
    const devResult = await dev.gateway.query('{ prodcts { name } }');
    expect(devResult.errors?.[0]?.message).toMatch(/Did you mean/);
    expect(prodResult.errors?.[0]?.message).not.toMatch(/Did you mean|products/);
  });
});

describe('trusted documents', () => {
  const web = { 'apollographql-client-name': 'web' };
  it('a web client may not run an ad-hoc query', async () => {
    const result = await prod.gateway.query('{ products { upc } }', undefined, web);
    expect(result.status).toBe(403);
    expect(result.errors?.[0]?.extensions?.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
  });
  it('a web client runs a trusted document by text or by hash alone', async () => {
    expect((await prod.gateway.query(TRUSTED, undefined, web)).errors).toBeUndefined();
    const byHash = await post(
      prod.gateway.url,
      { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(TRUSTED) } } },
      web,
    );
    expect(byHash.statusCode).toBe(200);
    expect(((await byHash.body.json()) as { data: unknown }).data).toMatchObject({
      products: expect.any(Array),
    });
  });
  it("analysts' clients still run ad-hoc queries; clients cannot register new documents", async () => {
    expect(
      (await prod.gateway.query('{ products { upc } }', undefined, { 'apollographql-client-name': 'analys' }))
        .errors,
    ).toBeUndefined();
    const q = '{ products { weight } }';
    await post(prod.gateway.url, {
      query: q,
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256(q) } },
    });
    const again = await prod.gateway.query(q, undefined, web);
    expect(again.errors?.[0]?.extensions?.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
  });
});

describe('CORS', () => {
  it('preflight from a configured origin is answered; others are refused', async () => {
    const ok = await request(prod.gateway.url, {
      method: 'OPTIONS',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization, x-evil',
      },
    });
    expect(ok.statusCode).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(ok.headers['access-control-allow-headers']).toBe('content-type, authorization');
    await ok.body.dump();
    const bad = await request(prod.gateway.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(bad.statusCode).toBe(403);
    expect(bad.headers['access-control-allow-origin']).toBeUndefined();
    await bad.body.dump();
  });
  it('responses carry the allow-origin header for configured origins only', async () => {
    const ok = await post(prod.gateway.url, { query: TRUSTED }, { origin: ORIGIN });
    expect(ok.headers['access-control-allow-origin']).toBe(ORIGIN);
    await ok.body.dump();
    const other = await post(prod.gateway.url, { query: TRUSTED }, { origin: 'https://evil.example' });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    await other.body.dump();
  });
});

describe('HTTP protections', () => {
  it('batching is off by default', async () => {
    const response = await post(dev.gateway.url, [
      { query: '{ products { name } }' },
      { query: '{ me { name } }' },
    ]);
    expect(response.statusCode).toBe(400);
    await response.body.dump();
  });
  it('CSRF prevention stays on', async () => {
    const response = await request(`${dev.gateway.url}?query=${encodeURIComponent('{ products { name } }')}`);
    expect(response.statusCode).toBe(400);
    await response.body.dump();
  });
  it('a body over 1 MiB is refused with 413', async () => {
    const response = await post(dev.gateway.url, {
      query: `{ products { name } } #${'x'.repeat(1024 * 1024)}`,
    });
    expect(response.statusCode).toBe(413);
    await response.body.dump();
  });
  it('the total request deadline ends a slow request with a stable code', async () => {
    prod.shop.subgraphs.catalog.behaviour = { kind: 'slow', delayMs: 1_000 };
    try {
      const result = await prod.gateway.query('{ products { upc } }', undefined, {
        'apollographql-client-name': 'analys',
      });
      expect(result.errors?.[0]?.extensions?.code).toBe('REQUEST_DEADLINE_EXCEEDED');
    } finally {
      prod.shop.subgraphs.catalog.behaviour = { kind: 'ok' };
      // Let the abandoned subgraph call finish before the servers close.
      await new Promise((resolve) => setTimeout(resolve, 1_200));
    }
  });
});
