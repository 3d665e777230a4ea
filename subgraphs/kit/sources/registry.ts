import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FileSource } from './file-source.js';
import { NATIONAL, type RegionSource, type SourceRegistry } from './types.js';

/** A registry from an explicit map: `sources[domain][owner]`. Used by tests and by config. */
export class MapSourceRegistry implements SourceRegistry {
  constructor(readonly sources: ReadonlyMap<string, ReadonlyMap<string, RegionSource>>) {}

  get(domain: string, owner: string): RegionSource | undefined {
    return this.sources.get(domain)?.get(owner);
  }

  regionsFor(domain: string): readonly string[] {
    return [...(this.sources.get(domain)?.keys() ?? [])].filter((owner) => owner !== NATIONAL).sort();
  }

  /** A copy with one source replaced (e.g. a counting or failing source in tests). */
  with(domain: string, owner: string, source: RegionSource): MapSourceRegistry {
    const next = new Map([...this.sources].map(([d, owners]) => [d, new Map(owners)]));
    if (!next.has(domain)) next.set(domain, new Map());
    next.get(domain)!.set(owner, source);
    return new MapSourceRegistry(next);
  }
}

/**
 * The embedded default: a generated dataset folder laid out as `<dir>/<owner>/<domain>/<collection>.json`,
 * where owner is a länskod or `national`. Every owner folder present becomes a file source.
 */
export function embeddedRegistry(datasetDir: string): MapSourceRegistry {
  if (!existsSync(datasetDir))
    throw new Error(`dataset folder ${datasetDir} does not exist; run npm run generate`);
  const sources = new Map<string, Map<string, RegionSource>>();
  for (const owner of readdirSync(datasetDir, { withFileTypes: true })) {
    if (!owner.isDirectory()) continue;
    for (const domain of readdirSync(join(datasetDir, owner.name), { withFileTypes: true })) {
      if (!domain.isDirectory()) continue;
      if (!sources.has(domain.name)) sources.set(domain.name, new Map());
      sources.get(domain.name)!.set(owner.name, new FileSource(join(datasetDir, owner.name, domain.name)));
    }
  }
  return new MapSourceRegistry(sources);
}
