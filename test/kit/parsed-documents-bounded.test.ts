import { parse, type Token } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BoundedDocumentStore,
  DOCUMENT_BYTES_PER_TOKEN,
  documentHeapBytes,
} from '../../core/document-store.js';
import { MODULES } from '../../subgraphs/index.js';
import { type RunningServer, startSubgraph } from '../../subgraphs/kit/index.js';
import { testRegistry } from '../support/dataset.js';
import { gql } from '../support/graphql.js';

/**
 * Every distinct operation a subgraph parses is cached by Apollo Server. Its default store sizes
 * documents by their JSON (about a quarter of their heap), so the hub fuzz's distinct operations
 * kept ~35 MB per 1 000 operations across the five subgraphs, up to ~120 MB each. The subgraph
 * server's store is bounded by the estimated heap of what it holds.
 */
const query = (i: number) => `{ r${i}: regions { code name } }`;

describe('documentHeapBytes', () => {
  it('counts every token of a document parsed with locations, far above its JSON size', () => {
    const small = parse(query(1));
    const wide = parse(
      `{ ${Array.from({ length: 50 }, (_, i) => `r${i}: regions { code name }`).join(' ')} }`,
    );
    const tokens = (d: typeof small) => {
      let n = 0;
      for (let t: Token | null | undefined = d.loc?.startToken; t; t = t.next) n += 1;
      return n;
    };
    expect(documentHeapBytes(small)).toBe(tokens(small) * DOCUMENT_BYTES_PER_TOKEN);
    expect(documentHeapBytes(wide)).toBe(tokens(wide) * DOCUMENT_BYTES_PER_TOKEN);
    // Apollo's default sizing (JSON bytes) undercounts the same document at least 3×.
    expect(documentHeapBytes(wide)).toBeGreaterThan(3 * Buffer.byteLength(JSON.stringify(wide)));
  });

  it('sizes a document parsed without locations by its JSON', () => {
    const bare = parse(query(1), { noLocation: true });
    expect(documentHeapBytes(bare)).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify(bare)));
  });
});

describe('a subgraph under many distinct operations', () => {
  const maxBytes = 64 * 1024;
  const store = new BoundedDocumentStore({ maxBytes });
  let server: RunningServer;
  beforeAll(async () => {
    server = await startSubgraph(MODULES.samverkan, {
      host: '127.0.0.1',
      port: 0,
      registry: testRegistry(),
      suppressionThreshold: 5,
      documentStore: store,
      bodyLimitBytes: 1024 * 1024,
      maxHeaderBytes: 16 * 1024,
      requestTimeoutMs: 10_000,
    });
  });
  afterAll(() => server?.close());

  it('keeps its parsed documents within the store budget and answers every operation', async () => {
    const runs = 300;
    for (let i = 0; i < runs; i++) {
      const answer = await gql<Record<string, Array<{ code: string }>>>(server.url, query(i));
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.[`r${i}`]?.length).toBe(21);
    }
    expect(store.size).toBeGreaterThan(0); // the server uses the store it was given
    expect(store.size).toBeLessThan(runs); // … and it evicted
    expect(store.bytes).toBeLessThanOrEqual(maxBytes);
    const perDocument = documentHeapBytes(parse(query(runs - 1)));
    expect(store.size).toBe(Math.floor(maxBytes / perDocument));
  });

  it('answers a document larger than the whole budget without caching it', async () => {
    const before = store.bytes;
    const huge = `{ ${Array.from({ length: 400 }, (_, i) => `h${i}: regions { code }`).join(' ')} }`;
    expect(documentHeapBytes(parse(huge))).toBeGreaterThan(maxBytes);
    const answer = await gql<Record<string, unknown[]>>(server.url, huge);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.h399).toHaveLength(21);
    expect(store.bytes).toBe(before);
  });
});
