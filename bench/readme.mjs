// Puts a run's tables into the root README: node readme.mjs [results/latest.json]
// (run.mjs does this itself after every full run written to results/latest). The targets' check
// table takes the newest soak result (results/soak-latest.json), which may postdate the run.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { updateReadme } from './lib/readme.mjs';
import { renderMarkdown } from './lib/report.mjs';
import { checkTargets } from './lib/summary.mjs';

const file = process.argv[2] ?? 'results/latest.json';
const results = JSON.parse(readFileSync(file, 'utf8'));
const soakFile = 'results/soak-latest.json';
if (existsSync(soakFile)) {
  results.checks = checkTargets(results.summary, JSON.parse(readFileSync(soakFile, 'utf8')));
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(file.replace(/\.json$/, '.md'), renderMarkdown(results));
}
updateReadme(results);
process.stdout.write(`README.md benchmark section updated from ${file}\n`);
