// Command-line options of run.mjs (every option has a default; --quick and --soak are presets).
import { parseArgs } from 'node:util';
import { TARGET_IDS } from '../targets/index.mjs';

export const USAGE = `Usage: node run.mjs [--quick | --soak] [options]
  --quick                 smoke run: 1 round, 1 s warm-up, 3 s windows, 2 s unloaded
  --check                 only start each target and check its answers against the oracle (no load)
  --soak                  RSS-flat check: query (b) at full load for --soak-seconds, RSS sampled each second
  --soak-seconds <s>      default 60
  --targets <ids>         comma list of ${TARGET_IDS.join(', ')} (default: all)
  --queries <ids>         comma list of a, b (default: a,b)
  --rounds <n>            interleaved rounds (default 3)
  --warmup <s>            warm-up per target and query at full load (default 5)
  --window <s>            measured window at full load (default 15)
  --unloaded <s>          measured window at 1 connection (default 8)
  --connections <n>       connections at full load (default 50)
  --quiet-wait <s>        before each query, wait up to this long for the machine to be idle (default 20; quick 5)
  --noisy-retries <n>     measure a window again when other processes used >20% of a core (default 2; quick 1)
  --floor-server <plain|apollo>  floor on node:http + graphql-js (default) or on @apollo/server standalone
  --vardnav-from <dist|src>  our gateway from dist/ as npm start runs it (default; npm run bench builds it first) or from gateway/*.ts via tsx
  --out <prefix>          results file prefix (default results/latest → .json and .md; soak: results/soak-latest)
  --help`;

export function readOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      soak: { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      'soak-seconds': { type: 'string' },
      targets: { type: 'string' },
      queries: { type: 'string' },
      rounds: { type: 'string' },
      warmup: { type: 'string' },
      window: { type: 'string' },
      unloaded: { type: 'string' },
      connections: { type: 'string' },
      'vardnav-from': { type: 'string' },
      'quiet-wait': { type: 'string' },
      'floor-server': { type: 'string' },
      'noisy-retries': { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return { help: true };
  const preset = values.quick
    ? { rounds: 1, warmup: 1, window: 3, unloaded: 2, quietWait: 5, noisyRetries: 1 }
    : { rounds: 3, warmup: 5, window: 15, unloaded: 8, quietWait: 20, noisyRetries: 2 };
  const number = (name, fallback, min, maxValue) => {
    if (values[name] === undefined) return fallback;
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < min || n > maxValue) {
      throw new Error(`--${name} must be a whole number from ${min} to ${maxValue}, got "${values[name]}"`);
    }
    return n;
  };
  const list = (name, allowed, fallback) => {
    if (values[name] === undefined) return fallback;
    const items = values[name]
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = items.filter((s) => !allowed.includes(s));
    if (bad.length || items.length === 0) {
      throw new Error(
        `--${name} takes a comma list of ${allowed.join(', ')}; unknown: ${bad.join(', ') || '(empty)'}`,
      );
    }
    return items;
  };
  const from = values['vardnav-from'] ?? 'dist';
  const floorServer = values['floor-server'] ?? 'plain';
  if (!['plain', 'apollo'].includes(floorServer)) {
    throw new Error(`--floor-server must be plain or apollo, got "${floorServer}"`);
  }
  if (!['src', 'dist'].includes(from)) throw new Error(`--vardnav-from must be src or dist, got "${from}"`);
  if ([values.quick, values.soak, values.check].filter(Boolean).length > 1) {
    throw new Error('--quick, --soak and --check are separate modes; pick one');
  }
  return {
    mode: values.check ? 'check' : values.soak ? 'soak' : values.quick ? 'quick' : 'full',
    soakSeconds: number('soak-seconds', 60, 5, 3600),
    targets: list('targets', TARGET_IDS, TARGET_IDS),
    queries: list('queries', ['a', 'b'], ['a', 'b']),
    rounds: number('rounds', preset.rounds, 1, 20),
    warmup: number('warmup', preset.warmup, 0, 600),
    window: number('window', preset.window, 1, 600),
    unloaded: number('unloaded', preset.unloaded, 1, 600),
    connections: number('connections', 50, 1, 1000),
    quietWait: number('quiet-wait', preset.quietWait, 0, 600),
    noisyRetries: number('noisy-retries', preset.noisyRetries, 0, 10),
    vardnavFrom: from,
    floorServer,
    out: values.out ?? (values.soak ? 'results/soak-latest' : 'results/latest'),
  };
}
