import type { DocumentStore } from '@apollo/server';
import type { DocumentNode, Token } from 'graphql';
import { LRUCache } from 'lru-cache';

/**
 * Apollo Server's parsed-and-validated document cache, bounded by what it really costs in heap.
 *
 * Apollo's default store (an `InMemoryLRUCache` of "30 MiB") sizes each document by
 * `JSON.stringify(document).length`. A `Location` serialises as `{ start, end }` only, so the token
 * list every location keeps alive (`loc.startToken … endToken`, one object per token) and the
 * objects themselves are not counted: a cached document costs 4–4.5 × its JSON size in heap
 * (measured: 310–370 bytes per token with locations, for queries of 47 to 1 054 tokens). The
 * default therefore holds ~120 MB per server, reached only after thousands of distinct
 * operations, which looked like a leak in the hub fuzz (six servers in one process).
 * This store sizes a document by its token count, so `maxBytes` is close to the heap it holds.
 */
export const DEFAULT_DOCUMENT_STORE_BYTES = 16 * 1024 * 1024;

/** Heap bytes per token of a parsed document with locations (upper end of the measurements). */
export const DOCUMENT_BYTES_PER_TOKEN = 384;

/** Heap bytes per JSON byte of a document parsed without locations (measured 2.7–2.8). */
const BYTES_PER_JSON_BYTE_WITHOUT_LOCATIONS = 3;

/** The estimated heap a parsed document keeps alive: its tokens (with locations) or its JSON size. */
export function documentHeapBytes(document: DocumentNode): number {
  let token: Token | null | undefined = document.loc?.startToken;
  if (!token) return Buffer.byteLength(JSON.stringify(document)) * BYTES_PER_JSON_BYTE_WITHOUT_LOCATIONS;
  let tokens = 0;
  for (; token; token = token.next) tokens += 1;
  return tokens * DOCUMENT_BYTES_PER_TOKEN;
}

export interface BoundedDocumentStoreOptions {
  /** Estimated heap the cached documents may hold (documentHeapBytes); default 16 MiB. */
  readonly maxBytes?: number;
}

/** An LRU `DocumentStore` for `new ApolloServer({ documentStore })`, bounded by heap bytes. */
export class BoundedDocumentStore implements DocumentStore {
  readonly maxBytes: number;
  readonly #cache: LRUCache<string, DocumentNode>;

  constructor(options: BoundedDocumentStoreOptions = {}) {
    this.maxBytes = options.maxBytes ?? DEFAULT_DOCUMENT_STORE_BYTES;
    // A document larger than the whole budget is not cached (lru-cache's maxEntrySize = maxSize).
    this.#cache = new LRUCache({ maxSize: this.maxBytes, sizeCalculation: documentHeapBytes });
  }

  /** Documents cached now. */
  get size(): number {
    return this.#cache.size;
  }

  /** Estimated heap bytes the cached documents hold (≤ maxBytes). */
  get bytes(): number {
    return this.#cache.calculatedSize;
  }

  async get(key: string): Promise<DocumentNode | undefined> {
    return this.#cache.get(key);
  }

  async set(key: string, value: DocumentNode): Promise<void> {
    this.#cache.set(key, value);
  }

  async delete(key: string): Promise<boolean> {
    return this.#cache.delete(key);
  }
}
