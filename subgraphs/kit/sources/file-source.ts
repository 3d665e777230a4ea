import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { RegionSource, SourceFilter, SourceRecord, SourceRequest } from './types.js';

/**
 * Filkälla — records exported as JSON files in a folder: `<dir>/<collection>.json`, each an array
 * of objects. A missing file means the owner has no records of that kind. Files are cached and
 * re-read when their modification time or size changes.
 */
export class FileSource implements RegionSource {
  readonly kind = 'file';
  readonly #cache = new Map<string, { mtimeMs: number; size: number; records: readonly SourceRecord[] }>();

  constructor(readonly dir: string) {}

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
    const path = join(this.dir, `${collection}.json`);
    let info: { mtimeMs: number; size: number };
    try {
      info = await stat(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const cached = this.#cache.get(collection);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.records;
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (
      !Array.isArray(parsed) ||
      parsed.some((r) => typeof r !== 'object' || r === null || Array.isArray(r))
    ) {
      throw new Error(`${collection}.json is not an array of objects`);
    }
    const records = parsed as SourceRecord[];
    this.#cache.set(collection, { mtimeMs: info.mtimeMs, size: info.size, records });
    return records;
  }
}

export function applyFilter(records: readonly SourceRecord[], filter: SourceFilter | undefined) {
  if (!filter) return records;
  const entries = Object.entries(filter);
  if (entries.length === 0) return records;
  return records.filter((record) => entries.every(([key, value]) => record[key] === value));
}
