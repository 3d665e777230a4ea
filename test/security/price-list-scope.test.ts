import { describe, expect, it } from 'vitest';
import type { AccessLogEntry } from '../../gateway/security/access-log.js';
import { bearer, mint, suiteKeyedHub } from './support.js';

/**
 * Price lists are region scoped by their sjukvårdsregion: `PriceList.items` is visible to the
 * members of the price list's sjukvårdsregion and their partners; everyone else authenticated
 * with `vardnav:prices` sees the price list (id, year, currency, sjukvårdsregion) with `items`
 * null + FORBIDDEN (reason REGION_SCOPE). Every path to price lists is walked: the root field,
 * the entity join HealthcareRegion.priceList from a samverkan root, and nested lists.
 */
const log: AccessLogEntry[] = [];
const keyed = suiteKeyedHub({ accessLog: (e) => log.push(e) });

const PRICES = 'vardnav:prices';
const token = (region: string | undefined, scope = PRICES) =>
  mint(keyed.key, { ...(region ? { region } : {}), scope, sub: `user-${region ?? 'national'}` });

interface Shown {
  readonly id: string;
  readonly year: number;
  readonly items: { totalCount: number; items: Array<{ priceSek: number }> } | null;
}
interface Path {
  readonly name: string;
  /** A query over the price lists of one sjukvårdsregion (`$hr`). */
  readonly query: string;
  /** The price lists the query shows, wherever they sit. */
  readonly lists: (data: unknown) => Shown[];
  /** Where `items` sits for list index i (error paths). */
  readonly itemsPath: (i: number) => Array<string | number>;
}

const LIST = 'id year currency healthcareRegion { id } items(first: 2) { totalCount items { priceSek } }';
const PATHS: Path[] = [
  {
    name: 'root field priceLists → items (nested list of price lists)',
    query: `query ($hr: ID) { priceLists(healthcareRegion: $hr) { totalCount items { ${LIST} } } }`,
    lists: (d) => (d as { priceLists: { items: Shown[] } }).priceLists.items,
    itemsPath: (i) => ['priceLists', 'items', i, 'items'],
  },
  {
    name: 'entity join: samverkan healthcareRegion → HealthcareRegion.priceList',
    query: `query ($hr: ID!) { healthcareRegion(id: $hr) { id name priceList { ${LIST} } } }`,
    lists: (d) => [(d as { healthcareRegion: { priceList: Shown } }).healthcareRegion.priceList],
    itemsPath: () => ['healthcareRegion', 'priceList', 'items'],
  },
  {
    name: 'nested entity lists: region → healthcareRegions → priceList (in a fragment)',
    query: `query ($code: ID!) { region(code: $code) { name healthcareRegions { id ...P } } }
      fragment P on HealthcareRegion { priceList { ${LIST} } }`,
    lists: (d) =>
      (d as { region: { healthcareRegions: Array<{ priceList: Shown }> } }).region.healthcareRegions.map(
        (h) => h.priceList,
      ),
    itemsPath: (i) => ['region', 'healthcareRegions', i, 'priceList', 'items'],
  },
];

// Variables that make each path show Västra's price lists (Halland, 13, reaches Södra's too).
const vastra = { hr: 'vastra', code: '14' };

async function run(path: Path, auth: Record<string, string> | undefined, vars = vastra) {
  return keyed.hub.gateway.query(path.query, vars, auth);
}

describe.each(PATHS)('$name', (path) => {
  it('a member region (14) sees every price of Västra', async () => {
    const result = await run(path, bearer(await token('14')));
    expect(result.errors).toBeUndefined();
    const lists = path.lists(result.data);
    expect(lists.length).toBeGreaterThan(0);
    for (const list of lists) expect(list.items?.items.every((i) => i.priceSek > 0)).toBe(true);
  });

  it('Halland (13) is a member of both Södra and Västra and sees both', async () => {
    for (const vars of [vastra, { hr: 'sodra', code: '13' }]) {
      const result = await run(path, bearer(await token('13')), vars);
      expect(result.errors).toBeUndefined();
      expect(path.lists(result.data).every((l) => l.items !== null)).toBe(true);
    }
  });

  it('a partner of a member (Blekinge, 10: Södra with Halland) sees Västra; Norrbotten (25) does not', async () => {
    const partner = await run(path, bearer(await token('10')));
    expect(partner.errors).toBeUndefined();
    const outsider = await run(path, bearer(await token('25')));
    const lists = path.lists(outsider.data);
    expect(lists.length).toBeGreaterThan(0);
    // The price list itself stays visible; only its prices are withheld.
    for (const list of lists) {
      expect(list.id).toMatch(/^vastra:\d{4}$/);
      expect(list.year).toBeGreaterThan(2000);
      expect(list.items).toBeNull();
    }
    expect(outsider.errors?.map((e) => [e.extensions?.code, e.extensions?.reason, e.path])).toEqual(
      lists.map((_, i) => ['FORBIDDEN', 'REGION_SCOPE', path.itemsPath(i)]),
    );
    expect(JSON.stringify(outsider.data)).not.toMatch(/"priceSek":/);
  });

  it('the scope vardnav:national sees every sjukvårdsregion', async () => {
    const result = await run(path, bearer(await token(undefined, `${PRICES} vardnav:national`)));
    expect(result.errors).toBeUndefined();
    expect(path.lists(result.data).every((l) => l.items !== null)).toBe(true);
  });

  it('a member region without the scope vardnav:prices: FORBIDDEN by scope, the rest answers', async () => {
    const result = await run(path, bearer(await token('14', 'vardnav:flows')));
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(new Set(result.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
    expect(result.errors?.some((e) => e.extensions?.reason === 'REGION_SCOPE')).toBe(false);
    expect(JSON.stringify(result.data)).not.toMatch(/"priceSek":|"currency":/);
  });

  it('no token: UNAUTHORIZED and nothing of the price lists is served', async () => {
    const result = await run(path, undefined);
    expect(new Set(result.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['UNAUTHORIZED']));
    expect(JSON.stringify(result.data ?? null)).not.toMatch(/"priceSek":|"currency":/);
  });
});

it('public parts of the same query still answer next to withheld prices', async () => {
  const result = await keyed.hub.gateway.query(
    `{ healthcareRegion(id: "vastra") { id name priceList { id items { totalCount } } } }`,
    undefined,
    bearer(await token('25')),
  );
  expect(result.data).toMatchObject({
    healthcareRegion: { id: 'vastra', name: expect.any(String), priceList: { items: null } },
  });
});

it('the access log counts the withheld price lists for the caller, without variable values', async () => {
  log.length = 0;
  await run(PATHS[0]!, bearer(await token('25')));
  const entry = log.at(-1);
  expect(entry?.region).toBe('25');
  expect(entry?.regionWithheld).toBeGreaterThan(0);
  expect(entry?.sensitiveFields).toContain('PriceList.items');
  expect(JSON.stringify(entry)).not.toContain('vastra');
});
