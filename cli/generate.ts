/** `npm run generate [-- --scale large --seed 1]`: writes the embedded dataset (see datagen/). */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/index.js';
import { generateDataset } from '../datagen/generate.js';

try {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string' },
      seed: { type: 'string' },
      dir: { type: 'string' },
      config: { type: 'string' },
    },
  });
  const overrides: Array<readonly [string[], unknown]> = [];
  if (values.scale) overrides.push([['data', 'scale'], values.scale]);
  if (values.seed) overrides.push([['data', 'seed'], Number(values.seed)]);
  if (values.dir) overrides.push([['data', 'dir'], values.dir]);
  const config = loadConfig({ file: values.config, env: process.env, overrides });
  const started = performance.now();
  const { path, manifest } = generateDataset(config.data);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `dataset ${path}: ${manifest.files} files, ${manifest.records} records in ${seconds} s\n`,
  );
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
