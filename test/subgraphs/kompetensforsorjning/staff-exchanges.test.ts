import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '../../support/subgraph.js';
import { ALL_REGIONS, rawRecords } from './raw.js';

let server: TestSubgraph;
beforeAll(async () => {
  server = await startTestSubgraph('kompetensforsorjning', { suppressionThreshold: 5 });
});
afterAll(() => server.close());

const EXCHANGE = `id fromRegion { code } toRegion { code } profession { id } specialty { id } focus purpose
  healthcareRegion { id } collaboration year count suppressed countNote quote source synthetic`;

interface Exchange {
  id: string;
  fromRegion: { code: string };
  toRegion: { code: string };
  profession: { id: string };
  specialty: { id: string } | null;
  year: number | null;
  count: number | null;
  suppressed: boolean;
  countNote: string | null;
  quote: string | null;
  source: string;
  synthetic: boolean;
}

describe('staff exchanges', () => {
  it('serves the spine-surgery exchange from Blekinge, Halland and Kronoberg to Skåne as a fact without a count', async () => {
    const result = await server.query<{ staffExchanges: { totalCount: number; items: Exchange[] } }>(
      `{ staffExchanges(toRegion: "12", synthetic: false) { totalCount items { ${EXCHANGE} } } }`,
    );
    expect(result.errors).toBeUndefined();
    const items = result.data!.staffExchanges.items;
    expect(items.map((e) => e.fromRegion.code)).toEqual(['07', '10', '13']);
    for (const e of items) {
      expect(e).toMatchObject({
        toRegion: { code: '12' },
        profession: { id: 'lakare' },
        specialty: { id: 'ortopedi' },
        focus: 'Ryggkirurgi',
        healthcareRegion: { id: 'sodra' },
        year: null,
        count: null,
        suppressed: false,
        synthetic: false,
      });
      expect(e.countNote).toMatch(/source gives no figure/);
      expect(e.quote).toMatch(/läkare från Blekinge, Halland och Kronoberg utbildas och tjänstgör i Skåne/);
      expect(e.source).toMatch(/Region Halland.*Samarbete för bättre vård.*004_3bfb4d7a0084268c/);
    }
  });

  it('is found from either region of the exchange, with the direction filter', async () => {
    const result = await server.query<{
      _entities: Array<{ out: { items: Array<{ id: string }> }; in: { items: Array<{ id: string }> } }>;
    }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Region {
        out: staffExchanges(direction: OUTGOING, first: 1000) { items { id } }
        in: staffExchanges(direction: INCOMING, first: 1000) { items { id } } } } }`,
      {
        r: [
          { __typename: 'Region', code: '10' },
          { __typename: 'Region', code: '12' },
        ],
      },
    );
    expect(result.errors).toBeUndefined();
    const [blekinge, skane] = result.data!._entities;
    expect(blekinge!.out.items.map((e) => e.id)).toContain('sodra-ryggkirurgi-10-12');
    expect(blekinge!.in.items.map((e) => e.id)).not.toContain('sodra-ryggkirurgi-10-12');
    expect(skane!.in.items.map((e) => e.id)).toEqual(
      expect.arrayContaining([
        'sodra-ryggkirurgi-07-12',
        'sodra-ryggkirurgi-10-12',
        'sodra-ryggkirurgi-13-12',
      ]),
    );
  });

  it('labels synthetic exchanges, suppresses their small counts and lists each exchange once', async () => {
    const result = await server.query<{ staffExchanges: { totalCount: number; items: Exchange[] } }>(
      '{ staffExchanges(synthetic: true, first: 1000) { totalCount items { id count suppressed source synthetic } } }',
    );
    const items = result.data!.staffExchanges.items;
    const raw = new Map(
      ALL_REGIONS.flatMap((code) => rawRecords(code, 'staffExchanges')).map((r) => [r.id as string, r]),
    );
    const syntheticIds = [...raw.values()].filter((r) => r.synthetic).map((r) => r.id);
    expect(items.map((e) => e.id).sort()).toEqual([...syntheticIds].sort());
    expect(result.data!.staffExchanges.totalCount).toBe(syntheticIds.length);
    for (const e of items) {
      expect(e.synthetic).toBe(true);
      expect(e.source).toMatch(/SYNTHETIC/);
      const count = raw.get(e.id)!.count as number;
      if (count < 5) expect(e).toMatchObject({ count: null, suppressed: true });
      else expect(e).toMatchObject({ count, suppressed: false });
    }
    expect(items.some((e) => e.suppressed)).toBe(true);
  });
});
