import { LRUCache } from 'lru-cache';
import { ContentDigest } from './content-digest.js';
import type { SubgraphContext } from './context.js';

/**
 * Mönstercache — the secondary suppression pattern of a published table, computed once per
 * distinct content.
 *
 * The pattern (`protectTable`) depends only on the table's content and the threshold, and costs
 * ~10 ms per region's flow tables on the small dataset. File sources return the same records array
 * until the file changes, so a WeakMap on the array suffices for them (the fast path, kept here);
 * HTTP and PostgreSQL sources return fresh arrays on every request, so the pattern is also cached
 * under a SHA-256 digest of exactly the inputs it depends on (`ContentDigest`): the table
 * definition's name, the threshold and what the definition's `write` appends (the cell keys and
 * values, in input order). Equal digests mean equal inputs (up to a SHA-256 collision), and the
 * computation is deterministic, so a cached pattern is the one the computation would return.
 *
 * Bounded: an LRU of `maxEntries` patterns (0 turns the content cache off; the WeakMap fast path
 * holds a pattern only as long as its records array lives).
 */

/**
 * Patterns kept by default: one per region's flow tables (21) with room for content that changed.
 * A region's flow pattern holds 0.1–0.6 MB on the small dataset and 0.1–3.8 MB on the large one,
 * so the worst case at the large scale is ~120 MB, and ~30 MB with 21 regions in steady state.
 */
export const DEFAULT_SUPPRESSION_CACHE_ENTRIES = 32;

/** A published table whose pattern the cache may keep. */
export interface ProtectedTable<I extends object, V> {
  /**
   * Names the table layout and the protection rules, e.g. `patient-flows/v1`; part of every key.
   * Unique per cache (checked); bump the version when `protect` changes what it computes.
   */
  readonly definition: string;
  /**
   * Appends exactly the inputs `protect` reads (every field of every record it uses, in input order)
   * to `digest`. Must cover them all: content differing in an input left out would share a key.
   */
  write(input: I, digest: ContentDigest): void;
  /** The pattern of `input` (deterministic: a function of the written inputs and the threshold). */
  protect(input: I, threshold: number): V;
  /** Expected number of digest tokens for `input`, to size the digest buffer (optional). */
  tokens?(input: I): number;
}

export interface SuppressionCacheOptions {
  /** Patterns kept under their content digest (LRU); 0 disables the content cache. */
  readonly maxEntries?: number;
}

export interface SuppressionCacheStats {
  /** Patterns computed (cache misses). */
  readonly computations: number;
  /** Patterns served for an array seen before (WeakMap, no digest computed). */
  readonly identityHits: number;
  /** Patterns served for fresh arrays with known content (digest matched). */
  readonly contentHits: number;
  /** Patterns held under a content digest now. */
  readonly entries: number;
  readonly maxEntries: number;
}

export class SuppressionCache {
  readonly maxEntries: number;
  readonly #byContent: LRUCache<string, { readonly pattern: unknown }> | undefined;
  readonly #byIdentity = new WeakMap<object, Map<string, unknown>>();
  readonly #definitions = new Map<string, ProtectedTable<never, unknown>>();
  #computations = 0;
  #identityHits = 0;
  #contentHits = 0;

  constructor(options: SuppressionCacheOptions = {}) {
    const maxEntries = options.maxEntries ?? DEFAULT_SUPPRESSION_CACHE_ENTRIES;
    if (!Number.isInteger(maxEntries) || maxEntries < 0)
      throw new RangeError(`maxEntries must be a non-negative integer, got ${maxEntries}`);
    this.maxEntries = maxEntries;
    this.#byContent = maxEntries > 0 ? new LRUCache({ max: maxEntries }) : undefined;
  }

  /** The pattern of `input` under `threshold`: cached by array identity, then by content. */
  protect<I extends object, V>(table: ProtectedTable<I, V>, input: I, threshold: number): V {
    this.#checkDefinition(table);
    const variant = `${table.definition}\u0000${threshold}`;
    let byVariant = this.#byIdentity.get(input);
    if (byVariant?.has(variant)) {
      this.#identityHits += 1;
      return byVariant.get(variant) as V;
    }
    const pattern = this.#byContentOrCompute(table, input, threshold);
    if (!byVariant) {
      byVariant = new Map();
      this.#byIdentity.set(input, byVariant);
    }
    byVariant.set(variant, pattern);
    return pattern;
  }

  get stats(): SuppressionCacheStats {
    return {
      computations: this.#computations,
      identityHits: this.#identityHits,
      contentHits: this.#contentHits,
      entries: this.#byContent?.size ?? 0,
      maxEntries: this.maxEntries,
    };
  }

  #byContentOrCompute<I extends object, V>(table: ProtectedTable<I, V>, input: I, threshold: number): V {
    if (!this.#byContent) return this.#compute(table, input, threshold);
    const digest = new ContentDigest((table.tokens?.(input) ?? 0) + 2);
    digest.text(table.definition).number(threshold);
    table.write(input, digest);
    const key = digest.hex();
    const hit = this.#byContent.get(key);
    if (hit) {
      this.#contentHits += 1;
      return hit.pattern as V;
    }
    const pattern = this.#compute(table, input, threshold);
    this.#byContent.set(key, { pattern });
    return pattern;
  }

  #compute<I extends object, V>(table: ProtectedTable<I, V>, input: I, threshold: number): V {
    // Counted before computing: a computation that throws is not cached, and counts as one.
    this.#computations += 1;
    return table.protect(input, threshold);
  }

  /** Two different definitions under one name would share keys: refuse the second. */
  #checkDefinition(table: ProtectedTable<never, unknown>) {
    const known = this.#definitions.get(table.definition);
    if (known === table) return;
    if (known) throw new Error(`two protected table definitions are named ${table.definition}`);
    this.#definitions.set(table.definition, table);
  }
}

/** For a context built without a server (no cache): identity caching only, as before content keys. */
const identityOnly = new SuppressionCache({ maxEntries: 0 });

/** The server's suppression cache (one per subgraph server, `SubgraphServerOptions.suppressionCache`). */
export function suppressionCacheOf(ctx: SubgraphContext): SuppressionCache {
  return ctx.suppressionCache ?? identityOnly;
}
