import type { KoladaSourceSpec } from '../../../../config/sources.js';
import { badResponse } from '../errors.js';
import { applyFilter } from '../file-source.js';
import { Limiter } from '../http/limiter.js';
import type { HttpPools } from '../http/pools.js';
import { getJson, type TransportOptions } from '../http/transport.js';
import { isPlainObject } from '../records.js';
import { NATIONAL, type RegionSource, type SourceRecord, type SourceRequest } from '../types.js';
import { kpiById } from './kpis.js';

export interface KoladaSourceOptions {
  readonly spec: KoladaSourceSpec;
  /** Länskod, or `national` for the KPI catalogue. */
  readonly owner: string;
  /** Kommunkoder of the region's municipalities (their values are fetched too). */
  readonly municipalities: readonly string[];
  readonly pools: HttpPools;
  readonly random?: (() => number) | undefined;
  readonly now?: () => Date;
}

/** Kolada accepts at most ~25 ids per list in a path (docs/open-data-apis.md §1). */
const MAX_IDS = 25;
const SOURCE = 'Källa: Kolada';

/**
 * Kolada-källa — the public Kolada v3 API (RKA) as a nära vård source. For a region it serves
 * `indicatorValues`: values of the configured (verified) KPIs for the region (Kolada id "00" +
 * länskod) and its municipalities (kommunkod), per period and gender, in the same record shape as
 * the hub's own indicators. For `national` it serves the `indicators` catalogue from Kolada's KPI
 * metadata. Pages are followed through `next_url` (or v2's `next_page`). Every record says
 * "Källa: Kolada" and the URL it came from.
 */
export class KoladaSource implements RegionSource {
  readonly kind = 'kolada';
  readonly #transport: TransportOptions;
  readonly #base: URL;

  constructor(readonly options: KoladaSourceOptions) {
    const base = options.spec.kolada.baseUrl;
    this.#base = new URL(base.endsWith('/') ? base : `${base}/`);
    this.#transport = {
      pools: options.pools,
      limiter: new Limiter(options.spec.http.concurrency),
      settings: options.spec.http,
      headers: {},
      random: options.random,
    };
  }

  async fetch(requests: readonly SourceRequest[], signal?: AbortSignal) {
    const deadline = AbortSignal.timeout(this.options.spec.http.totalTimeoutMs);
    const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
    const loads = new Map<string, Promise<SourceRecord[]>>();
    const load = (collection: string) => {
      let p = loads.get(collection);
      if (!p) {
        p =
          collection === 'indicatorValues' && this.options.owner !== NATIONAL
            ? this.#values(combined)
            : collection === 'indicators' && this.options.owner === NATIONAL
              ? this.#catalogue(combined)
              : Promise.resolve([]);
        loads.set(collection, p);
      }
      return p;
    };
    return Promise.all(requests.map(async (r) => applyFilter(await load(r.collection), r.filter)));
  }

  #years(): number[] {
    const to = this.options.spec.toYear ?? (this.options.now?.() ?? new Date()).getFullYear() - 1;
    const from = this.options.spec.fromYear ?? to - 4;
    return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  }

  async #values(signal: AbortSignal): Promise<SourceRecord[]> {
    const owner = this.options.owner;
    const areas = [`00${owner}`, ...this.options.municipalities];
    const kpis = this.options.spec.kpis.join(',');
    const years = this.#years();
    const records: SourceRecord[] = [];
    for (let a = 0; a < areas.length; a += MAX_IDS) {
      for (let y = 0; y < years.length; y += MAX_IDS) {
        const path = `data/kpi/${kpis}/municipality/${areas.slice(a, a + MAX_IDS).join(',')}/year/${years.slice(y, y + MAX_IDS).join(',')}`;
        for (const item of await this.#pages(path, signal)) records.push(...this.#valueRecords(item));
      }
    }
    return records;
  }

  #valueRecords(item: unknown): SourceRecord[] {
    if (!isPlainObject(item) || typeof item.kpi !== 'string' || typeof item.municipality !== 'string')
      throw badResponse('Kolada data object lacks kpi or municipality');
    const period = Number(item.period);
    if (!Number.isInteger(period) || !Array.isArray(item.values))
      throw badResponse('Kolada data object lacks period or values');
    const isRegion = item.municipality.startsWith('00');
    const areaCode = isRegion ? item.municipality.slice(2) : item.municipality;
    const kpi = kpiById(item.kpi);
    return item.values.map((v: unknown) => {
      if (!isPlainObject(v) || !['T', 'K', 'M'].includes(String(v.gender)))
        throw badResponse('Kolada value lacks a gender T/K/M');
      if (v.value !== null && typeof v.value !== 'number') throw badResponse('Kolada value is not a number');
      return {
        id: `${item.kpi}:${areaCode}:${period}:${v.gender}`,
        indicatorId: item.kpi,
        level: isRegion ? 'REGION' : 'MUNICIPALITY',
        areaCode,
        regionCode: this.options.owner,
        municipalityCode: isRegion ? null : areaCode,
        period,
        gender: v.gender,
        value: v.value,
        countsPeople: kpi?.countsPeople ?? false,
        status: typeof v.status === 'string' && v.status !== '' ? v.status : null,
        source: `${SOURCE} (${this.#base.origin}${this.#base.pathname}data/kpi/${item.kpi})`,
        synthetic: false,
      };
    });
  }

  async #catalogue(signal: AbortSignal): Promise<SourceRecord[]> {
    const items = await this.#pages(`kpi/${this.options.spec.kpis.join(',')}`, signal);
    return items.map((item) => {
      if (!isPlainObject(item) || typeof item.id !== 'string' || typeof item.title !== 'string')
        throw badResponse('Kolada KPI object lacks id or title');
      const known = kpiById(item.id);
      return {
        id: item.id,
        title: item.title,
        titleEn: null,
        unit: known?.unit ?? '',
        areaLevels: ['REGION', 'MUNICIPALITY'],
        dividedByGender: item.is_divided_by_gender === true || item.is_divided_by_gender === 1,
        countsPeople: known?.countsPeople ?? false,
        koladaKpiId: item.id,
        description: typeof item.description === 'string' ? item.description : null,
        source: `${SOURCE} (${this.#base.origin}${this.#base.pathname}kpi/${item.id})`,
        synthetic: false,
      };
    });
  }

  /** All pages of one listing: follows `next_url` (v3) or `next_page` (v2), same origin only. */
  async #pages(path: string, signal: AbortSignal): Promise<unknown[]> {
    const perPage = this.options.spec.kolada.perPage;
    let url: URL | undefined = new URL(path, this.#base);
    url.searchParams.set('per_page', String(perPage));
    const out: unknown[] = [];
    for (let page = 0; url; page++) {
      if (page >= this.options.spec.http.maxPages) throw badResponse('Kolada: too many pages');
      const response = await getJson(url, this.#transport, signal);
      if (response.status === 404) return out;
      const body = response.body;
      if (!isPlainObject(body) || !Array.isArray(body.values))
        throw badResponse('Kolada: body has no values list');
      out.push(...body.values);
      const next = body.next_url ?? body.next_page;
      if (typeof next !== 'string' || next === '' || body.values.length < perPage) url = undefined;
      else {
        const nextUrl: URL = new URL(next, url);
        if (nextUrl.origin !== url.origin) throw badResponse('Kolada: next page on another origin');
        url = nextUrl;
      }
    }
    return out;
  }
}
