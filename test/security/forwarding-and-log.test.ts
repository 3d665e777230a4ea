import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AccessLogEntry } from '../../gateway/security/access-log.js';
import { MODULES } from '../../subgraphs/index.js';
import { IDENTITY_HEADER, verifyForwardedIdentity } from '../../subgraphs/kit/identity.js';
import { type RunningServer, startSubgraph } from '../../subgraphs/kit/index.js';
import { testRegistry } from '../support/dataset.js';
import { gql } from '../support/graphql.js';
import { type SecuredShop, startSecuredShop } from './shop.js';
import { bearer, mint } from './support.js';

/** The identity forwarded to subgraphs, subgraphs that refuse direct calls, and the access log. */
const SECRET = 'a-test-secret-of-at-least-32-characters!';
const log: AccessLogEntry[] = [];
let s: SecuredShop;
let guarded: RunningServer;
beforeAll(async () => {
  s = await startSecuredShop(
    { identitySecret: SECRET, accessLog: (e) => log.push(e) },
    { propagateHeaders: [IDENTITY_HEADER, 'x-client-tag'] },
  );
  guarded = await startSubgraph(MODULES.samverkan, {
    host: '127.0.0.1',
    port: 0,
    registry: testRegistry(),
    suppressionThreshold: 5,
    bodyLimitBytes: 1024 * 1024,
    maxHeaderBytes: 16 * 1024,
    requestTimeoutMs: 10_000,
    identity: { secret: SECRET, required: true },
  });
});
afterAll(async () => {
  await s?.close();
  await guarded?.close();
});

it('subgraphs receive the verified identity, signed by the gateway, never the client header', async () => {
  s.shop.reset();
  const token = await mint(s.key, { sub: 'anna', region: '18', scope: 'shop:prices' });
  await s.gateway.query('{ products { name } }', undefined, {
    ...bearer(token),
    [IDENTITY_HEADER]: 'forged',
  });
  const headers = s.shop.subgraphs.catalog.requests[0]!.headers;
  expect(headers.authorization).toBeUndefined();
  const forwarded = await verifyForwardedIdentity(headers[IDENTITY_HEADER] as string, SECRET);
  expect(forwarded).toEqual({ authenticated: true, subject: 'anna', region: '18', scopes: ['shop:prices'] });
});

it('a subgraph configured to require the gateway refuses direct and forged calls', async () => {
  const direct = await gql(guarded.url, '{ regions { code } }');
  expect(direct.status).toBe(401);
  const forged = await gql(guarded.url, '{ regions { code } }', undefined, {
    [IDENTITY_HEADER]: 'eyJhbGciOiJIUzI1NiJ9.e30.x',
  });
  expect(forged.status).toBe(401);
  const { signForwardedIdentity } = await import('../../subgraphs/kit/identity.js');
  const good = await signForwardedIdentity(
    { authenticated: false, subject: null, region: null, scopes: [] },
    SECRET,
    60,
  );
  const ok = await gql(guarded.url, '{ regions { code } }', undefined, { [IDENTITY_HEADER]: good });
  expect(ok.status).toBe(200);
  expect(ok.errors).toBeUndefined();
});

it('one access log line per operation: who, which operation, sensitive fields; no variable values', async () => {
  log.length = 0;
  const token = await mint(s.key, { sub: 'anna', region: '18', scope: 'shop:other' });
  await s.gateway.query(
    'query Depts($upc: ID!) { product(upc: $upc) { name } departments { title } pricedDepartments { id } }',
    { upc: 'SECRET-VALUE-1' },
    bearer(token),
  );
  expect(log).toHaveLength(1);
  const entry = log[0]!;
  expect(entry).toMatchObject({
    subject: 'anna',
    region: '18',
    authenticated: true,
    operationName: 'Depts',
    operationType: 'query',
    sensitiveFields: ['Query.departments'],
    deniedFields: ['Query.pricedDepartments'],
    errorCodes: ['FORBIDDEN'],
  });
  expect(entry.operationHash).toMatch(/^[0-9a-f]{64}$/);
  expect(JSON.stringify(entry)).not.toContain('SECRET-VALUE-1');
});
