import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { generateDataset } from '../datagen/generate.js';

function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d)) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry !== 'manifest.json') out.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

it('generates the same synthetic dataset for the same seed, and labels every record', () => {
  const a = generateDataset({ scale: 'small', seed: 7, dir: mkdtempSync(join(tmpdir(), 'vardnav-a-')) });
  const b = generateDataset({ scale: 'small', seed: 7, dir: mkdtempSync(join(tmpdir(), 'vardnav-b-')) });
  const filesA = files(a.path);
  expect(filesA.size).toBeGreaterThan(0);
  expect(files(b.path)).toEqual(filesA);
  for (const [name, text] of filesA) {
    for (const record of JSON.parse(text) as Array<Record<string, unknown>>) {
      expect(typeof record.source, `${name}: every record names its source`).toBe('string');
      expect(typeof record.synthetic, `${name}: every record says whether it is synthetic`).toBe('boolean');
    }
  }
});
