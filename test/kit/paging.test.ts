import { describe, expect, it } from 'vitest';
import { byKeys, paginate, suppress } from '../../subgraphs/kit/index.js';

const items = Array.from({ length: 250 }, (_, i) => ({ region: String(i % 21).padStart(2, '0'), n: i }));
const order = byKeys<(typeof items)[number]>(
  (x) => x.region,
  (x) => x.n,
);

describe('paging convention', () => {
  it('pages with a total count and never overlaps or skips', () => {
    const seen: number[] = [];
    for (let offset = 0; ; offset += 100) {
      const page = paginate(items, { first: 100, offset }, order);
      expect(page.totalCount).toBe(250);
      seen.push(...page.items.map((x) => x.n));
      if (!page.hasNextPage) break;
    }
    expect(seen.sort((a, b) => a - b)).toEqual(items.map((x) => x.n));
  });

  it('defaults to 100 items from offset 0', () => {
    const page = paginate(items, {}, order);
    expect(page.items).toHaveLength(100);
    expect(page.offset).toBe(0);
  });

  it.each([
    [{ first: -1 }, /first/],
    [{ first: 1001 }, /first/],
    [{ offset: -1 }, /offset/],
    [{ first: 1.5 }, /first/],
  ])('rejects %o with BAD_USER_INPUT', (args, message) => {
    expect(() => paginate(items, args, order)).toThrow(message);
    try {
      paginate(items, args, order);
    } catch (error) {
      expect((error as { extensions: { code: string } }).extensions.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('small-cell suppression', () => {
  it('hides counts from 1 to threshold-1 and serves the rest', () => {
    expect(suppress(0, 5)).toEqual({ count: 0, suppressed: false });
    expect(suppress(1, 5)).toEqual({ count: null, suppressed: true });
    expect(suppress(4, 5)).toEqual({ count: null, suppressed: true });
    expect(suppress(5, 5)).toEqual({ count: 5, suppressed: false });
    expect(suppress(9, 10)).toEqual({ count: null, suppressed: true });
  });
});
