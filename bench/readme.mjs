// Puts a run's tables into the root README: node readme.mjs [results/latest.json]
// (run.mjs does this itself after every full run written to results/latest).
import { readFileSync } from 'node:fs';
import { updateReadme } from './lib/readme.mjs';

const file = process.argv[2] ?? 'results/latest.json';
updateReadme(JSON.parse(readFileSync(file, 'utf8')));
process.stdout.write(`README.md benchmark section updated from ${file}\n`);
