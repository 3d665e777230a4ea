import type { CollectionSpec, HttpSettings } from '../../../../config/sources.js';
import { badResponse } from '../errors.js';
import { applyFilter } from '../file-source.js';
import { finishRecords, getPath, isPlainObject, type RecordShape } from '../records.js';
import type { RegionSource, SourceFilter, SourceRecord, SourceRequest } from '../types.js';
import { cachePolicy, PageCache } from './cache.js';
import { Limiter } from './limiter.js';
import type { HttpPools } from './pools.js';
import { getJson, type TransportOptions } from './transport.js';

export interface HttpSourceOptions {
  /** Base URL of the region's source API, e.g. `https://data.regionhalland.se/vardnav/v1`. */
  readonly url: string;
  readonly settings: HttpSettings;
  readonly pools: HttpPools;
  /** Resolved headers (incl. secrets from the environment). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly collections?: Readonly<Record<string, Partial<CollectionSpec>>>;
  readonly shapeOf?: (collection: string) => RecordShape | undefined;
  readonly label: string;
  readonly now?: () => number;
  readonly random?: () => number;
}

/**
 * HTTP-källa — a region's JSON API following the hub's regional source API (docs/sources.md):
 * `GET <url>/<collection>?<field>=<value>…&limit=<n>` answering `{ items, next }`. One call per
 * batch sends one GET per collection: requests for the same collection are merged into one
 * lookup (repeated parameters = any of these keys) and split again locally. Pages are followed
 * through `next` (same origin only). Each page is validated before use and kept in an ETag /
 * Cache-Control aware cache.
 */
export class HttpSource implements RegionSource {
  readonly kind = 'http';
  readonly #base: URL;
  readonly #cache: PageCache;
  readonly #transport: TransportOptions;
  /** HTTP requests sent (for tests and the benchmark). */
  requestsSent = 0;

  constructor(readonly options: HttpSourceOptions) {
    this.#base = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`);
    this.#cache = new PageCache(options.settings.cacheEntries, options.now);
    this.#transport = {
      pools: options.pools,
      limiter: new Limiter(options.settings.concurrency),
      settings: options.settings,
      headers: options.headers ?? {},
      random: options.random,
    };
  }

  async fetch(
    requests: readonly SourceRequest[],
    signal?: AbortSignal,
  ): Promise<ReadonlyArray<readonly SourceRecord[]>> {
    const deadline = AbortSignal.timeout(this.options.settings.totalTimeoutMs);
    const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
    const groups = new Map<string, SourceRequest[]>();
    for (const request of requests) {
      const list = groups.get(request.collection) ?? [];
      list.push(request);
      groups.set(request.collection, list);
    }
    const loaded = new Map<string, Promise<readonly SourceRecord[]>>();
    for (const [collection, group] of groups) {
      loaded.set(collection, this.#collection(collection, group, combined));
    }
    return Promise.all(
      requests.map(async (request) => applyFilter(await loaded.get(request.collection)!, request.filter)),
    );
  }

  /** Fields every request of the group filters on, with the union of their values. */
  #query(collection: string, group: readonly SourceRequest[]): URLSearchParams {
    const spec = this.options.collections?.[collection];
    const params = new URLSearchParams();
    const filters = group.map((r) => r.filter ?? ({} as SourceFilter));
    const shared = Object.keys(filters[0] ?? {}).filter((field) => filters.every((f) => field in f));
    for (const field of shared.sort()) {
      const remote = spec?.fields?.[field] ?? field;
      if (remote.includes('.')) continue;
      const values = [...new Set(filters.map((f) => String(f[field])))].sort();
      for (const value of values) params.append(remote, value);
    }
    params.set('limit', String(this.options.settings.pageSize));
    return params;
  }

  async #collection(
    collection: string,
    group: readonly SourceRequest[],
    signal: AbortSignal,
  ): Promise<readonly SourceRecord[]> {
    const spec = this.options.collections?.[collection];
    const path = (spec?.from ?? collection).replace(/^\/+/, '');
    let url: URL | undefined = new URL(path, this.#base);
    url.search = this.#query(collection, group).toString();
    const records: SourceRecord[] = [];
    for (let page = 0; url; page++) {
      if (page >= this.options.settings.maxPages)
        throw badResponse(`${collection}: more than ${this.options.settings.maxPages} pages`);
      const answer = await this.#page(url, collection, signal);
      records.push(...answer.records);
      url = answer.next ? this.#nextUrl(answer.next, url, collection) : undefined;
    }
    return records;
  }

  #nextUrl(next: string, current: URL, collection: string): URL {
    let url: URL;
    try {
      url = new URL(next, current);
    } catch {
      throw badResponse(`${collection}: next page is not a URL`);
    }
    if (url.origin !== current.origin) throw badResponse(`${collection}: next page on another origin`);
    return url;
  }

  async #page(url: URL, collection: string, signal: AbortSignal) {
    const key = url.toString();
    const cached = this.#cache.get(key);
    if (cached && this.#cache.isFresh(cached)) return cached;
    this.requestsSent += 1;
    const response = await getJson(
      url,
      this.#transport,
      signal,
      cached?.etag ? { 'if-none-match': cached.etag } : {},
    );
    if (response.status === 304 && cached) {
      this.#cache.put(key, cached, cachePolicy(response.cacheControl));
      return cached;
    }
    if (response.status === 304) throw badResponse(`${collection}: 304 without a cached page`);
    if (response.status === 404) return { records: [], next: undefined };
    const page = this.#validate(response.body, collection);
    this.#cache.put(key, { ...page, etag: response.etag }, cachePolicy(response.cacheControl));
    return page;
  }

  #validate(body: unknown, collection: string) {
    const spec = this.options.collections?.[collection];
    const what = `${collection} from ${this.#base.origin}`;
    let items: unknown;
    let next: unknown;
    if (Array.isArray(body) && !spec?.itemsAt) items = body;
    else if (isPlainObject(body)) {
      items = getPath(body, spec?.itemsAt ?? 'items');
      next = getPath(body, spec?.nextAt ?? 'next');
    } else throw badResponse(`${what}: body is not an object`);
    if (!Array.isArray(items)) throw badResponse(`${what}: '${spec?.itemsAt ?? 'items'}' is not a list`);
    if (next !== undefined && next !== null && typeof next !== 'string')
      throw badResponse(`${what}: '${spec?.nextAt ?? 'next'}' is not a URL string`);
    const records = finishRecords(
      items,
      { fields: spec?.fields, shape: this.options.shapeOf?.(collection), label: this.options.label },
      what,
    );
    return { records, next: next || undefined };
  }
}
