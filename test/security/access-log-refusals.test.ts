import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AccessLogEntry } from '../../gateway/security/access-log.js';
import { DEFAULT_LIMITS } from '../../gateway/security/options.js';
import { sha256 } from '../../gateway/security/trusted-documents.js';
import { type SecuredShop, startSecuredShop } from './shop.js';
import { bearer, mint, signingKey } from './support.js';

/**
 * Every request on the GraphQL route leaves exactly one access line — also the ones refused before
 * Apollo Server runs (bad token, rate limit, CORS, limits, trusted documents, body size, batching)
 * and the deadline — with a stable refusal reason, and never the token, its claims or variables.
 */
const TRUSTED = 'query Products { products { name } }';
const ORIGIN = 'https://vardnav.example.se';
const log: AccessLogEntry[] = [];
let s: SecuredShop;
let counter = 0;

beforeAll(async () => {
  s = await startSecuredShop({
    accessLog: (entry) => log.push(entry),
    corsOrigins: [ORIGIN],
    requestDeadlineMs: 300,
    limits: { ...DEFAULT_LIMITS, maxDepth: 3 },
    trustedDocuments: {
      documents: new Map([[sha256(TRUSTED), TRUSTED]]),
      requireFor: ['web'],
      clientHeader: 'apollographql-client-name',
    },
    rateLimit: {
      perSubject: { capacity: 2, refillPerSecond: 0.01 },
      perRegion: { capacity: 1_000, refillPerSecond: 1 },
      anonymous: { capacity: 1_000, refillPerSecond: 1 },
    },
  });
});
afterAll(() => s?.close());

/** A fresh request id, so each test finds its own line(s). */
const rid = () => `rid-${++counter}`;

/** The lines of one request, once the reply has been sent (onResponse runs after the client may read). */
async function linesOf(requestId: string): Promise<AccessLogEntry[]> {
  await vi.waitFor(() => expect(log.some((e) => e.requestId === requestId)).toBe(true), {
    timeout: 2_000,
    interval: 10,
  });
  return log.filter((e) => e.requestId === requestId);
}

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await request(s.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.body.text();
  return { status: response.statusCode, text };
}

describe('refused before Apollo Server', () => {
  it('a garbage bearer token: 401, invalid_token, no subject, the token never logged', async () => {
    const id = rid();
    const token = 'not.a-real.token-VISIBLE-MARKER';
    const result = await post({ query: '{ products { name } }' }, { ...bearer(token), 'x-request-id': id });
    expect(result.status).toBe(401);
    const lines = await linesOf(id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      subject: null,
      region: null,
      authenticated: false,
      status: 401,
      refusal: 'invalid_token',
      errorCodes: ['UNAUTHORIZED'],
      method: 'POST',
    });
    expect(lines[0]!.durationMs).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(lines[0])).not.toContain('VISIBLE-MARKER');
  });

  it('a well-signed but foreign or expired token: its unverified claims are not logged', async () => {
    const foreign = await signingKey('k1');
    for (const token of [
      await mint(foreign, { sub: 'mallory-unverified', region: '01' }),
      await mint(s.key, { sub: 'mallory-expired', region: '01', expiresIn: -600 }),
    ]) {
      const id = rid();
      const result = await post({ query: '{ products { name } }' }, { ...bearer(token), 'x-request-id': id });
      expect(result.status).toBe(401);
      const [line] = await linesOf(id);
      expect(line).toMatchObject({ subject: null, region: null, refusal: 'invalid_token', status: 401 });
      expect(JSON.stringify(line)).not.toMatch(/mallory|eyJ/);
    }
  });

  it('rate limited: 429 with the verified subject and region', async () => {
    const who = bearer(await mint(s.key, { sub: 'busy-analyst', region: '18' }));
    const ids = [rid(), rid(), rid()];
    const statuses = [];
    for (const id of ids)
      statuses.push((await post({ query: '{ products { name } }' }, { ...who, 'x-request-id': id })).status);
    expect(statuses).toEqual([200, 200, 429]);
    const [line] = await linesOf(ids[2]!);
    expect(line).toMatchObject({
      subject: 'busy-analyst',
      region: '18',
      authenticated: true,
      status: 429,
      refusal: 'rate_limited',
      errorCodes: ['RATE_LIMITED'],
    });
    expect((await linesOf(ids[0]!))[0]).toMatchObject({
      status: 200,
      refusal: null,
      subject: 'busy-analyst',
    });
  });

  it('a CORS preflight from a foreign origin: 403 cors_origin', async () => {
    const id = rid();
    const response = await request(s.gateway.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'x-request-id': id,
      },
    });
    await response.body.dump();
    expect(response.statusCode).toBe(403);
    const [line] = await linesOf(id);
    expect(line).toMatchObject({
      status: 403,
      refusal: 'cors_origin',
      method: 'OPTIONS',
      errorCodes: ['FORBIDDEN'],
    });
  });

  it('an operation over a limit: 400 limit:maxDepth with the operation name and hash, no variables', async () => {
    const id = rid();
    const query = 'query Deep($upc: ID!) { product(upc: $upc) { reviews { author { reviews { body } } } } }';
    const result = await post(
      { query, operationName: 'Deep', variables: { upc: 'SECRET-VARIABLE-VALUE' } },
      { 'x-request-id': id, 'apollographql-client-name': 'analys' },
    );
    expect(result.status).toBe(400);
    const [line] = await linesOf(id);
    expect(line).toMatchObject({
      status: 400,
      refusal: 'limit:maxDepth',
      errorCodes: ['OPERATION_LIMIT_EXCEEDED'],
      operationName: 'Deep',
      operationHash: sha256(query),
      client: 'analys',
    });
    expect(JSON.stringify(line)).not.toContain('SECRET-VARIABLE-VALUE');
  });

  it('an untrusted document from a web client: 403 trusted_document_required', async () => {
    const id = rid();
    const result = await post(
      { query: '{ products { upc } }' },
      { 'x-request-id': id, 'apollographql-client-name': 'web' },
    );
    expect(result.status).toBe(403);
    const [line] = await linesOf(id);
    expect(line).toMatchObject({
      status: 403,
      refusal: 'trusted_document_required',
      client: 'web',
      operationHash: sha256('{ products { upc } }'),
    });
  });

  it('a body over the limit: 413 body_too_large', async () => {
    const id = rid();
    const result = await post(
      { query: `{ products { name } } #${'x'.repeat(1024 * 1024)}` },
      { 'x-request-id': id },
    );
    expect(result.status).toBe(413);
    const [line] = await linesOf(id);
    expect(line).toMatchObject({ status: 413, refusal: 'body_too_large', operationHash: null });
  });

  it('malformed JSON and batches: refused by fastify and Apollo Server, still one line each', async () => {
    const bad = rid();
    expect((await post('{"query": ', { 'x-request-id': bad })).status).toBe(400);
    expect((await linesOf(bad))[0]).toMatchObject({ status: 400, refusal: 'malformed_body' });
    const batch = rid();
    const batched = await post([{ query: '{ products { name } }' }, { query: '{ me { id } }' }], {
      'x-request-id': batch,
    });
    expect(batched.status).toBe(400);
    expect((await linesOf(batch))[0]).toMatchObject({
      status: 400,
      refusal: 'batching_refused',
      errorCodes: ['BAD_REQUEST'],
    });
  });
});

describe('run by Apollo Server', () => {
  it('a successful operation: one line, no refusal (no duplicate from the plugin)', async () => {
    const id = rid();
    const result = await post({ query: TRUSTED, operationName: 'Products' }, { 'x-request-id': id });
    expect(result.status).toBe(200);
    const lines = await linesOf(id);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(log.filter((e) => e.requestId === id)).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      status: 200,
      refusal: null,
      operationName: 'Products',
      operationType: 'query',
      operationHash: sha256(TRUSTED),
      errorCodes: [],
    });
  });

  it('a validation error keeps its code as the reason', async () => {
    const id = rid();
    const result = await post({ query: '{ nosuchfield }' }, { 'x-request-id': id });
    expect(result.status).toBe(400);
    expect((await linesOf(id))[0]).toMatchObject({
      refusal: 'graphql_validation_failed',
      errorCodes: ['GRAPHQL_VALIDATION_FAILED'],
    });
  });

  it('the request deadline: request_deadline', async () => {
    s.shop.subgraphs.catalog.behaviour = { kind: 'slow', delayMs: 1_000 };
    try {
      const id = rid();
      await post({ query: '{ products { upc } }' }, { 'x-request-id': id });
      const [line] = await linesOf(id);
      expect(line).toMatchObject({ refusal: 'request_deadline', errorCodes: ['REQUEST_DEADLINE_EXCEEDED'] });
    } finally {
      s.shop.subgraphs.catalog.behaviour = { kind: 'ok' };
      await new Promise((resolve) => setTimeout(resolve, 1_200));
    }
  });
});

it('a client that leaves before the answer: one line, client_closed (499)', async () => {
  s.shop.subgraphs.catalog.behaviour = { kind: 'slow', delayMs: 250 };
  try {
    const id = rid();
    await expect(
      request(s.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': id },
        body: JSON.stringify({ query: '{ products { upc } }' }),
        signal: AbortSignal.timeout(50),
      }),
    ).rejects.toThrow();
    const [line] = await linesOf(id);
    expect(line).toMatchObject({ status: 499, refusal: 'client_closed' });
  } finally {
    s.shop.subgraphs.catalog.behaviour = { kind: 'ok' };
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
});

it('no request id ever got two lines; health checks get none', async () => {
  const health = await request(s.gateway.url.replace('/graphql', '/health'), {
    headers: { 'x-request-id': 'h' },
  });
  await health.body.dump();
  await new Promise((resolve) => setTimeout(resolve, 50));
  const ids = log.map((e) => e.requestId);
  expect(ids).not.toContain('h');
  expect(new Set(ids).size).toBe(ids.length);
});
