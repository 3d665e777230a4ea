import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ErrorCode } from '../../core/errors.js';
import {
  classifyTransportError,
  DeadlineExceeded,
  ResponseTooLarge,
} from '../../gateway/transport/failures.js';
import { roundTrip } from '../../gateway/transport/round-trip.js';

/**
 * The subgraph round trip (gateway/transport/round-trip.ts) on a real HTTP server: a request
 * still queued in the pool (its only connection busy) is settled at once by its deadline or its
 * caller's cancellation, and never reaches the subgraph afterwards; a body that arrives in many
 * chunks, with multi-byte characters split across them, is decoded whole; a body over the limit
 * is cut off as soon as it passes it and reported as a bad response, and the pool keeps serving.
 */
let server: Server;
let origin: string;
const seen: string[] = [];
const held: ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      seen.push(body);
      if (body === 'hold') return void held.push(res);
      if (body === 'endless') {
        // Keeps writing until the client goes away (bounded: 64 MiB at most).
        res.writeHead(200, { 'content-type': 'application/json' });
        const piece = Buffer.alloc(64 * 1024, 0x61);
        let sent = 0;
        const pump = (): void => {
          while (sent < 1024 && !res.destroyed) {
            sent += 1;
            if (!res.write(piece)) return void res.once('drain', pump);
          }
          res.end();
        };
        return pump();
      }
      if (body === 'chunks') {
        // "Vårdnav" × 3 000 written in 7-byte pieces: every "å" (2 bytes in UTF-8) is split.
        const bytes = Buffer.from('Vårdnav'.repeat(3_000), 'utf8');
        res.writeHead(200, { 'content-type': 'application/json' });
        for (let i = 0; i < bytes.length; i += 7) res.write(bytes.subarray(i, i + 7));
        return void res.end();
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{}}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of held) res.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Answers the held request once the server has it (bounded wait). */
async function release(): Promise<void> {
  for (let i = 0; i < 200 && held.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
  held.shift()?.end('{"data":{}}');
}

const input = (body: string, timeoutMs: number, signal?: AbortSignal, maxResponseBytes = 1 << 20) => ({
  path: '/graphql',
  headers: { 'content-type': 'application/json' },
  body,
  timeoutMs,
  maxResponseBytes,
  signal,
});

it('a queued request is settled by its deadline and never sent', async () => {
  const pool = new Pool(origin, { connections: 1, pipelining: 1 });
  try {
    const blocker = roundTrip(pool, input('hold', 5_000)).catch((e: unknown) => e);
    const queued = roundTrip(pool, input('queued-deadline', 50));
    await expect(queued).rejects.toBeInstanceOf(DeadlineExceeded);
    await release();
    expect(await blocker).toEqual({ statusCode: 200, text: '{"data":{}}' });
    // The connection is free again: a new request is served, the expired one was dropped.
    expect((await roundTrip(pool, input('after', 1_000))).statusCode).toBe(200);
    expect(seen).not.toContain('queued-deadline');
  } finally {
    await pool.destroy();
  }
});

it("a queued request is settled by its caller's cancellation with the caller's reason", async () => {
  const pool = new Pool(origin, { connections: 1, pipelining: 1 });
  try {
    const blocker = roundTrip(pool, input('hold', 5_000)).catch((e: unknown) => e);
    const controller = new AbortController();
    const queued = roundTrip(pool, input('queued-cancel', 5_000, controller.signal));
    const reason = new Error('client went away');
    controller.abort(reason);
    await expect(queued).rejects.toBe(reason);
    await release();
    await blocker;
    expect(seen).not.toContain('queued-cancel');
  } finally {
    await pool.destroy();
  }
});

it('a body in many chunks with split multi-byte characters is decoded whole', async () => {
  const pool = new Pool(origin, { connections: 1 });
  try {
    const { statusCode, text } = await roundTrip(pool, input('chunks', 5_000));
    expect(statusCode).toBe(200);
    expect(text).toBe('Vårdnav'.repeat(3_000));
  } finally {
    await pool.destroy();
  }
});

it('a body over the limit is cut off and reported as a bad response; the pool keeps serving', async () => {
  const pool = new Pool(origin, { connections: 1 });
  try {
    const error = await roundTrip(pool, input('endless', 10_000, undefined, 256 * 1024)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ResponseTooLarge);
    const failure = classifyTransportError('shelf', error);
    expect(failure.code).toBe(ErrorCode.SUBGRAPH_BAD_RESPONSE);
    expect(failure.publicMessage).toBe(
      "Subgraph 'shelf' answered with something that is not a GraphQL response.",
    );
    expect((await roundTrip(pool, input('after-limit', 2_000))).text).toBe('{"data":{}}');
  } finally {
    await pool.destroy();
  }
});
