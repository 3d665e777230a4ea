import { describe, expect, it } from 'vitest';
import { FLOW_TABLES } from '../../subgraphs/hogspecialiserad-vard/flow-protection.js';
import {
  ContentDigest,
  type ProtectedTable,
  type SourceRecord,
  SuppressionCache,
} from '../../subgraphs/kit/index.js';

type Token = string | number;
const digestOf = (tokens: readonly Token[], slot = 0) => {
  const digest = new ContentDigest(4);
  for (const t of tokens) typeof t === 'string' ? digest.text(t, slot) : digest.number(t);
  return digest.hex();
};

describe('ContentDigest: equal only for equal token sequences', () => {
  it.each<[string, Token[], Token[]]>([
    ['text boundaries', ['ab', 'c'], ['a', 'bc']],
    ['a lone surrogate and U+FFFD (UTF-8 would merge them)', ['\uD800'], ['\uFFFD']],
    ['a text and the number it spells', ['5'], [5]],
    ['order', ['a', 'b'], ['b', 'a']],
    ['a count changed by 1', ['x', 7], ['x', 8]],
    ['the smallest float step', [1], [1 + Number.EPSILON]],
    ['a separator inside a text', ['a:1:b'], ['a', 'b']],
    ['one token more', ['a'], ['a', 'a']],
    ['a repeated text against a new one', ['a', 'a'], ['a', 'b']],
  ])('differs for %s', (_, a, b) => {
    expect(digestOf(a)).not.toBe(digestOf(b));
  });

  it('is the same for the same sequence, whatever memo slot or buffer size is used', () => {
    const tokens: Token[] = ['12', '01', '2024-01', 'thorax', 5, '12', '01', '2024-02', 'thorax', 0];
    expect(digestOf(tokens, 3)).toBe(digestOf(tokens, 0));
    const big = new ContentDigest(10_000);
    for (const t of tokens) typeof t === 'string' ? big.text(t, 1) : big.number(t);
    expect(big.hex()).toBe(digestOf(tokens));
    expect(big.length).toBe(tokens.length);
  });
});

const RECORDS: SourceRecord[] = [
  { fromRegion: '01', toRegion: '12', month: '2024-01', careArea: 'a', count: 3 },
  { fromRegion: '01', toRegion: '12', month: '2024-01', careArea: 'b', count: 9 },
  { fromRegion: '01', toRegion: '12', month: '2024-02', careArea: 'a', count: 8 },
  { fromRegion: '01', toRegion: '12', month: '2024-02', careArea: 'b', count: 7 },
];
const fresh = () => RECORDS.map((r) => ({ ...r }));

describe('SuppressionCache', () => {
  it('recomputes when any input the pattern reads changes, and only then', () => {
    const cache = new SuppressionCache();
    cache.protect(FLOW_TABLES, fresh(), 5);
    cache.protect(FLOW_TABLES, fresh(), 5);
    expect(cache.stats).toMatchObject({ computations: 1, contentHits: 1 });
    const changes: Array<Partial<SourceRecord>> = [
      { fromRegion: '03' },
      { toRegion: '13' },
      { month: '2024-03' },
      { careArea: 'c' },
      { count: 4 },
    ];
    for (const [i, change] of changes.entries()) {
      const records = fresh();
      records[2] = { ...records[2]!, ...change };
      cache.protect(FLOW_TABLES, records, 5);
      expect(cache.stats.computations, JSON.stringify(change)).toBe(2 + i);
    }
    // Fields the pattern does not read share the pattern.
    cache.protect(
      FLOW_TABLES,
      fresh().map((r) => ({ ...r, source: 'another export' })),
      5,
    );
    expect(cache.stats.computations).toBe(1 + changes.length);
    cache.protect(FLOW_TABLES, fresh(), 6); // another threshold
    expect(cache.stats.computations).toBe(2 + changes.length);
  });

  it('serves an array it has seen by identity, without a digest', () => {
    const cache = new SuppressionCache();
    const records = fresh();
    const first = cache.protect(FLOW_TABLES, records, 5);
    expect(cache.protect(FLOW_TABLES, records, 5)).toBe(first);
    expect(cache.stats).toMatchObject({ computations: 1, identityHits: 1, contentHits: 0 });
  });

  it('holds at most maxEntries patterns over many distinct contents; 0 turns it off', () => {
    const cache = new SuppressionCache({ maxEntries: 3 });
    const off = new SuppressionCache({ maxEntries: 0 });
    for (let n = 0; n < 50; n++) {
      const records = fresh().map((r) => ({ ...r, count: Number(r.count) + n }));
      cache.protect(FLOW_TABLES, records, 5);
      off.protect(FLOW_TABLES, records, 5);
      off.protect(FLOW_TABLES, records.slice(), 5);
      expect(cache.stats.entries).toBeLessThanOrEqual(3);
    }
    expect(cache.stats).toMatchObject({ computations: 50, entries: 3, maxEntries: 3 });
    expect(off.stats).toMatchObject({ computations: 100, entries: 0, contentHits: 0 });
    expect(() => new SuppressionCache({ maxEntries: -1 })).toThrow(/maxEntries/);
    expect(() => new SuppressionCache({ maxEntries: 1.5 })).toThrow(/maxEntries/);
  });

  it('never caches a failed computation', () => {
    const cache = new SuppressionCache();
    const bad = () => fresh().map((r, i) => (i === 1 ? { ...r, count: 'many' } : r));
    expect(() => cache.protect(FLOW_TABLES, bad(), 5)).toThrow(/invalid count/);
    expect(() => cache.protect(FLOW_TABLES, bad(), 5)).toThrow(/invalid count/);
    expect(cache.stats).toMatchObject({ computations: 2, entries: 0 });
  });

  it('refuses two different table definitions under one name (they would share keys)', () => {
    const cache = new SuppressionCache();
    const impostor: ProtectedTable<readonly SourceRecord[], number> = {
      definition: FLOW_TABLES.definition,
      write: () => {},
      protect: () => 0,
    };
    cache.protect(FLOW_TABLES, fresh(), 5);
    expect(() => cache.protect(impostor, fresh(), 5)).toThrow(/two protected table definitions/);
  });
});
