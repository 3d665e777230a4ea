import { createHash } from 'node:crypto';

/** Token kinds of the serialisation (part of the digest, so a text never equals a number). */
const TEXT = 1;
const NUMBER = 2;
/** Slots of the last-seen-text memo (`text(value, slot)`): callers use one per column. */
const MEMO_SLOTS = 8;

/**
 * Innehållsnyckel — a SHA-256 digest of a sequence of texts and numbers, for keying a cache on a
 * table's content rather than on the identity of its arrays.
 *
 * The serialisation is injective, so two different sequences can only share a digest through a
 * SHA-256 collision:
 * - texts are interned: the dictionary (distinct texts in order of first appearance) is hashed as
 *   `count:` then `length:text` per entry, lengths in UTF-16 code units and the texts as UTF-16LE
 *   code units. (UTF-8 would not do: it maps every lone surrogate to U+FFFD, so "\uD800" and
 *   "\uFFFD" would collide.)
 * - the token stream is hashed as its length, then one kind byte per token, then one float64 per
 *   token: the text's dictionary index, or the number itself (every distinct double has distinct
 *   bytes; −0 and 0 differ, which only costs a cache miss).
 * Interning keeps the hashed bytes small (a table's cell keys repeat a few distinct values), and a
 * one-entry memo per slot skips the dictionary lookup when a column repeats its previous value.
 */
export class ContentDigest {
  readonly #ids = new Map<string, number>();
  readonly #texts: string[] = [];
  readonly #memoText: Array<string | undefined> = new Array(MEMO_SLOTS).fill(undefined);
  readonly #memoId = new Float64Array(MEMO_SLOTS);
  #kinds: Uint8Array;
  #values: Float64Array;
  #length = 0;

  constructor(expectedTokens = 1024) {
    const capacity = Math.max(16, Math.min(expectedTokens, 1 << 24));
    this.#kinds = new Uint8Array(capacity);
    this.#values = new Float64Array(capacity);
  }

  /** Appends a text. `slot` (0–7) only picks the memo entry: it never changes the digest. */
  text(value: string, slot = 0): this {
    const memo = slot & (MEMO_SLOTS - 1);
    let id: number;
    if (this.#memoText[memo] === value) id = this.#memoId[memo]!;
    else {
      const known = this.#ids.get(value);
      if (known === undefined) {
        id = this.#texts.length;
        this.#ids.set(value, id);
        this.#texts.push(value);
      } else id = known;
      this.#memoText[memo] = value;
      this.#memoId[memo] = id;
    }
    return this.#push(TEXT, id);
  }

  /** Appends a number (any double, NaN and ±Infinity included). */
  number(value: number): this {
    return this.#push(NUMBER, value);
  }

  /** Number of tokens appended so far. */
  get length(): number {
    return this.#length;
  }

  /** The digest (hex) of everything appended; the builder stays usable. */
  hex(): string {
    const hash = createHash('sha256');
    let dictionary = `${this.#texts.length}:`;
    for (const text of this.#texts) dictionary += `${text.length}:${text}`;
    hash.update(dictionary, 'utf16le');
    hash.update(`;${this.#length};`, 'utf16le');
    hash.update(this.#kinds.subarray(0, this.#length));
    hash.update(new Uint8Array(this.#values.buffer, 0, this.#length * 8));
    return hash.digest('hex');
  }

  #push(kind: number, value: number): this {
    if (this.#length === this.#kinds.length) {
      const kinds = new Uint8Array(this.#length * 2);
      kinds.set(this.#kinds);
      const values = new Float64Array(this.#length * 2);
      values.set(this.#values);
      [this.#kinds, this.#values] = [kinds, values];
    }
    this.#kinds[this.#length] = kind;
    this.#values[this.#length] = value;
    this.#length += 1;
    return this;
  }
}
