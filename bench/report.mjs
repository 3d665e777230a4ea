// Regenerates the markdown table from a run's JSON: node report.mjs [results/latest.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { renderMarkdown, renderSoakMarkdown } from './lib/report.mjs';

const file = process.argv[2] ?? 'results/latest.json';
const results = JSON.parse(readFileSync(file, 'utf8'));
const markdown = results.mode === 'soak' ? renderSoakMarkdown(results) : renderMarkdown(results);
writeFileSync(file.replace(/\.json$/, '.md'), markdown);
process.stdout.write(markdown);
