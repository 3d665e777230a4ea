import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '../core/paths.js';
import { forskningData } from './domains/forskning.js';
import { hogspecialiseradVardData } from './domains/hogspecialiserad-vard.js';
import { kompetensforsorjningData } from './domains/kompetensforsorjning.js';
import { naraVardData } from './domains/nara-vard.js';
import { samverkanData } from './domains/samverkan.js';
import { stream } from './random.js';
import { loadReference } from './reference.js';
import type { DatasetScale, DomainGenerator, GenContext } from './types.js';

/** Domain (= subgraph name) → its generator. */
export const GENERATORS: Readonly<Record<string, DomainGenerator>> = {
  samverkan: samverkanData,
  'hogspecialiserad-vard': hogspecialiseradVardData,
  kompetensforsorjning: kompetensforsorjningData,
  forskning: forskningData,
  'nara-vard': naraVardData,
};

export interface DatasetOptions {
  readonly scale: DatasetScale;
  readonly seed: number;
  /** Parent folder; the dataset goes to `<dir>/<scale>-<seed>`. */
  readonly dir: string;
}

export interface Manifest {
  fingerprint: string;
  scale: DatasetScale;
  seed: number;
  generatedAt: string;
  files: number;
  records: number;
}

/** Hash of everything the dataset is derived from: the generator's code and the reference data. */
export function generatorFingerprint(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (!entry.endsWith('.map') && !entry.endsWith('.d.ts'))
        hash.update(entry).update(readFileSync(path));
    }
  };
  walk(projectPath('datagen'));
  walk(projectPath('data'));
  return hash.digest('hex').slice(0, 12);
}

/**
 * `<dir>/<scale>-<seed>-<fingerprint>`: a dataset folder is immutable once written, so processes
 * running different generator versions (or generating at the same time) never share a folder.
 */
export function datasetPath(options: DatasetOptions, fingerprint = generatorFingerprint()): string {
  return join(options.dir, `${options.scale}-${options.seed}-${fingerprint}`);
}

/** Generates the whole dataset into a fresh folder and swaps it in atomically. */
export function generateDataset(options: DatasetOptions): { path: string; manifest: Manifest } {
  const fingerprint = generatorFingerprint();
  const target = datasetPath(options, fingerprint);
  const staging = `${target}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const context: GenContext = {
    scale: options.scale,
    seed: options.seed,
    reference: loadReference(),
    random: (name) => stream(options.seed, name),
    syntheticSource: `Vårdnav synthetic generator (scale ${options.scale}, seed ${options.seed}) — SYNTHETIC, not real data`,
  };
  let files = 0;
  let records = 0;
  for (const [domain, generate] of Object.entries(GENERATORS)) {
    for (const [owner, collections] of Object.entries(generate(context))) {
      const folder = join(staging, owner, domain);
      mkdirSync(folder, { recursive: true });
      for (const [collection, rows] of Object.entries(collections)) {
        writeFileSync(join(folder, `${collection}.json`), JSON.stringify(rows));
        files += 1;
        records += rows.length;
      }
    }
  }
  const manifest: Manifest = {
    fingerprint,
    scale: options.scale,
    seed: options.seed,
    generatedAt: new Date().toISOString(),
    files,
    records,
  };
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2));
  try {
    renameSync(staging, target);
  } catch (error) {
    // Another process generated the same version first: its folder is identical; keep it.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(join(target, 'manifest.json'))) throw error;
  }
  return { path: target, manifest };
}

/** The dataset folder, generated first if missing or made by a different generator version. */
export function ensureDataset(options: DatasetOptions): { path: string; generated: boolean } {
  const path = datasetPath(options);
  if (existsSync(join(path, 'manifest.json'))) return { path, generated: false };
  return { path: generateDataset(options).path, generated: true };
}
