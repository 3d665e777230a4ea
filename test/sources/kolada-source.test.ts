import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigError } from '../../config/index.js';
import type { ConfiguredRegistry } from '../../subgraphs/kit/sources/config-registry.js';
import { testDatasetPath } from '../support/dataset.js';
import { startTestSubgraph } from '../support/subgraph.js';
import { FAST_HTTP, registryOf } from './support/config.js';

/**
 * Kolada v3 replayed from a local HTTP server. The response bodies are BUILT FROM THE DOCUMENTED
 * SHAPES in docs/open-data-apis.md §1 (envelope `count`/`values`/`next_url`/`previous_url`, data
 * objects `kpi`/`municipality`/`period`/`values[gender,count,status,value]`); the numbers are
 * ILLUSTRATIVE test values, not real Kolada data.
 */

const requests: string[] = [];
let server: Server;
let base: string;

function dataObject(kpi: string, municipality: string, period: number, total: number) {
  return {
    kpi,
    municipality,
    period,
    values: [
      { count: 1, gender: 'K', status: '', value: Math.round(total * 0.49) },
      { count: 1, gender: 'M', status: '', value: Math.round(total * 0.51) },
      { count: 1, gender: 'T', status: total > 300_000 ? '' : 'preliminär', value: total },
    ],
  };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (body: unknown) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const data = url.pathname.match(/^\/v3\/data\/kpi\/([^/]+)\/municipality\/([^/]+)\/year\/([^/]+)$/);
    if (data) {
      const [, kpis, areas, years] = data;
      const all = kpis!
        .split(',')
        .flatMap((kpi) =>
          areas!
            .split(',')
            .flatMap((area) =>
              years!
                .split(',')
                .map((y) => dataObject(kpi, area, Number(y), area.startsWith('00') ? 336_000 : 30_000)),
            ),
        );
      const perPage = Number(url.searchParams.get('per_page') ?? 5000);
      const page = Number(url.searchParams.get('page') ?? 1);
      const values = all.slice((page - 1) * perPage, page * perPage);
      const next =
        page * perPage < all.length
          ? `${base}/data/kpi/${kpis}/municipality/${areas}/year/${years}?page=${page + 1}&per_page=${perPage}`
          : null;
      return send({ count: values.length, values, next_url: next, previous_url: null });
    }
    if (url.pathname === '/v3/kpi/N01951') {
      return send({
        count: 1,
        values: [
          {
            id: 'N01951',
            title: 'Invånare totalt, antal',
            description: 'Antal invånare totalt (illustrative text).',
            operating_area: 'Befolkning',
            municipality_type: 'A',
            is_divided_by_gender: true,
            has_ou_data: false,
          },
        ],
        next_url: null,
        previous_url: null,
      });
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3`;
});
afterAll(() => new Promise((r) => server.close(r)));

const kolada = () => ({
  kind: 'kolada',
  kpis: ['N01951'],
  fromYear: 2022,
  toYear: 2023,
  kolada: { baseUrl: base, perPage: 4 },
  http: FAST_HTTP,
});

describe('kolada source', () => {
  let registry: ConfiguredRegistry;
  beforeAll(() => {
    registry = registryOf(
      { fallback: 'embedded', allRegions: { naraVard: kolada() }, national: { naraVard: kolada() } },
      { datasetPath: testDatasetPath() },
    );
  });
  afterAll(() => registry.close());

  it('maps Kolada values per area, period and gender, following next_url pages', async () => {
    requests.length = 0;
    const [values] = await registry.get('nara-vard', '13')!.fetch([{ collection: 'indicatorValues' }]);
    const kolada = values!.filter((v) => v.indicatorId === 'N01951');
    // Halland: the region ("0013") and its 6 municipalities, 2 years, 3 genders.
    expect(kolada).toHaveLength(7 * 2 * 3);
    expect(kolada).toContainEqual({
      id: 'N01951:13:2023:T',
      indicatorId: 'N01951',
      level: 'REGION',
      areaCode: '13',
      regionCode: '13',
      municipalityCode: null,
      period: 2023,
      gender: 'T',
      value: 336_000,
      countsPeople: true,
      status: null,
      source: `Källa: Kolada (${base}/data/kpi/N01951)`,
      synthetic: false,
    });
    expect(kolada.find((v) => v.id === 'N01951:1380:2022:K')).toMatchObject({
      level: 'MUNICIPALITY',
      municipalityCode: '1380',
      status: null,
    });
    expect(requests[0]).toBe(
      '/v3/data/kpi/N01951/municipality/0013,1315,1380,1381,1382,1383,1384/year/2022,2023?per_page=4',
    );
    expect(requests.length).toBe(Math.ceil(14 / 4));
    // The hub's own (synthetic) indicators stay alongside.
    expect(values!.some((v) => v.synthetic === true)).toBe(true);
  });

  it('serves N01951 through the nara-vard subgraph with its Kolada title and "Källa: Kolada"', async () => {
    const subgraph = await startTestSubgraph('nara-vard', { registry });
    try {
      const result = await subgraph.query<{
        naraVardIndicators: Array<{
          id: string;
          title: string;
          koladaKpiId: string | null;
          source: string;
          synthetic: boolean;
        }>;
        naraVardIndicatorValues: {
          totalCount: number;
          items: Array<{ value: number; source: string; indicator: { title: string } }>;
        };
      }>(`{
        naraVardIndicators { id title koladaKpiId source synthetic }
        naraVardIndicatorValues(indicator: "N01951", region: "13", level: REGION, year: 2023, gender: TOTAL) {
          totalCount items { value source indicator { title } }
        }
      }`);
      expect(result.errors).toBeUndefined();
      expect(result.data!.naraVardIndicators).toContainEqual({
        id: 'N01951',
        title: 'Invånare totalt, antal',
        koladaKpiId: 'N01951',
        source: `Källa: Kolada (${base}/kpi/N01951)`,
        synthetic: false,
      });
      expect(result.data!.naraVardIndicatorValues.items).toEqual([
        {
          value: 336_000,
          source: `Källa: Kolada (${base}/data/kpi/N01951)`,
          indicator: { title: 'Invånare totalt, antal' },
        },
      ]);
    } finally {
      await subgraph.close();
    }
  });

  it('refuses KPI ids that the reference does not verify, listing them', () => {
    let problems: readonly string[] = [];
    try {
      registryOf({ regions: { '13': { naraVard: { ...kolada(), kpis: ['N01951', 'N72000', 'N99999'] } } } });
    } catch (error) {
      problems = (error as ConfigError).problems;
    }
    expect(problems).toEqual([
      'sources.regions.13.naraVard.kpis.1: Kolada KPI N72000 is unverified (reference confidence: low); not served',
      "sources.regions.13.naraVard.kpis.2: Kolada KPI N99999 is not in the hub's reference; its id is unverified",
    ]);
  });
});
