import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { CollectionSpec } from '../../../config/sources.js';
import { badResponse, unavailable } from './errors.js';
import { finishRecords, type RecordShape, typeCell } from './records.js';
import type { RegionSource, SourceFilter, SourceRecord, SourceRequest } from './types.js';

export interface FileSourceOptions {
  /** Per collection: file name (`from`, without extension), field mapping and types. */
  readonly collections?: Readonly<Record<string, Partial<CollectionSpec>>>;
  /** Expected shape per collection (e.g. inferred from the embedded dataset). */
  readonly shapeOf?: (collection: string) => RecordShape | undefined;
  /** Provenance for records without their own `source`; when unset, records are used as they are. */
  readonly label?: string;
}

/**
 * Filkälla — records exported as files in a folder: `<dir>/<collection>.json` (an array of objects)
 * or `<dir>/<collection>.csv` (UTF-8, header row, `,` or `;` separated; a BOM is ignored). A missing
 * file means the owner has no records of that kind. Files are cached and re-read when their
 * modification time or size changes; a file that cannot be parsed fails the call
 * (REGION_SOURCE_BAD_RESPONSE) and is not cached.
 */
export class FileSource implements RegionSource {
  readonly kind = 'file';
  readonly #cache = new Map<string, { mtimeMs: number; size: number; records: readonly SourceRecord[] }>();

  constructor(
    readonly dir: string,
    readonly options: FileSourceOptions = {},
  ) {}

  async fetch(requests: readonly SourceRequest[]): Promise<ReadonlyArray<readonly SourceRecord[]>> {
    const byCollection = new Map<string, Promise<readonly SourceRecord[]>>();
    return Promise.all(
      requests.map(async (request) => {
        let load = byCollection.get(request.collection);
        if (!load) {
          load = this.#read(request.collection);
          byCollection.set(request.collection, load);
        }
        return applyFilter(await load, request.filter);
      }),
    );
  }

  async #read(collection: string): Promise<readonly SourceRecord[]> {
    if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(collection))
      throw new Error(`invalid collection name '${collection}'`);
    const spec = this.options.collections?.[collection];
    const base = spec?.from ?? collection;
    for (const format of ['json', 'csv'] as const) {
      const path = join(this.dir, `${base}.${format}`);
      let info: { mtimeMs: number; size: number };
      try {
        info = await stat(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw unavailable(`cannot read ${base}.${format}`, error);
      }
      const key = `${collection}.${format}`;
      const cached = this.#cache.get(key);
      if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.records;
      const text = await readFile(path, 'utf8');
      const records = this.#finish(
        collection,
        format === 'json' ? parseJson(text, base) : this.#csv(text, collection),
      );
      this.#cache.set(key, { mtimeMs: info.mtimeMs, size: info.size, records });
      return records;
    }
    return [];
  }

  #csv(text: string, collection: string): Record<string, unknown>[] {
    const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
    const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
    let rows: Record<string, string>[];
    try {
      rows = parse(text, { columns: true, bom: true, delimiter, skip_empty_lines: true });
    } catch (error) {
      throw badResponse(`${collection}.csv is not valid CSV`, error);
    }
    const types = {
      ...this.options.shapeOf?.(collection)?.types,
      ...this.options.collections?.[collection]?.types,
    };
    const fields = this.options.collections?.[collection]?.fields ?? {};
    const regionToHub = new Map(Object.entries(fields).map(([hub, region]) => [region, hub]));
    return rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([column, cell]) => [
          column,
          typeCell(cell, types[regionToHub.get(column) ?? column]),
        ]),
      ),
    );
  }

  #finish(collection: string, raw: unknown[]): readonly SourceRecord[] {
    const spec = this.options.collections?.[collection];
    if (this.options.label === undefined) {
      if (raw.some((r) => typeof r !== 'object' || r === null || Array.isArray(r)))
        throw badResponse(`${collection}: not an array of objects`);
      return raw as SourceRecord[];
    }
    return finishRecords(
      raw,
      { fields: spec?.fields, shape: this.#shape(collection), label: this.options.label },
      `${spec?.from ?? collection}`,
    );
  }

  #shape(collection: string): RecordShape | undefined {
    const inferred = this.options.shapeOf?.(collection);
    const types = this.options.collections?.[collection]?.types ?? {};
    if (!inferred && Object.keys(types).length === 0) return undefined;
    return { types: { ...inferred?.types, ...types }, required: inferred?.required ?? [] };
  }
}

function parseJson(text: string, base: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw badResponse(`${base}.json is not valid JSON`, error);
  }
  if (!Array.isArray(parsed)) throw badResponse(`${base}.json is not an array of objects`);
  return parsed;
}

export function applyFilter(records: readonly SourceRecord[], filter: SourceFilter | undefined) {
  if (!filter) return records;
  const entries = Object.entries(filter);
  if (entries.length === 0) return records;
  return records.filter((record) => entries.every(([key, value]) => record[key] === value));
}
