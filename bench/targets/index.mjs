// The benchmark's targets: how to start each as its own process (pinned to the target core) and
// where it answers. Order here is the order of the first round; later rounds rotate it.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findGatewayEntry } from './vardnav.mjs';

const BENCH = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = join(BENCH, '..');
const require = createRequire(import.meta.url);
const HIVE_BIN = join(dirname(require.resolve('@graphql-hive/gateway/package.json')), 'dist', 'bin.js');

const hiveArgs = (ctx, extra) => [
  HIVE_BIN,
  'supergraph',
  ctx.supergraphPath,
  '--host',
  '127.0.0.1',
  '--port',
  String(ctx.port),
  '--fork',
  '1',
  ...extra,
];

export const TARGETS = [
  {
    id: 'floor',
    label: 'accounts subgraph called directly (full execution)',
    kind: 'floor',
    queries: ['a'],
    available: () => ({ ok: true }),
    spawn: (ctx) => ({
      command: process.execPath,
      args:
        ctx.floorServer === 'apollo'
          ? [join(BENCH, 'fixtures', 'apollo-floor.mjs'), '--port', String(ctx.port)]
          : [join(BENCH, 'fixtures', 'server.mjs'), 'accounts', '--port', String(ctx.port), '--no-memo'],
      env: { NODE_ENV: 'production' },
      readyLine: true,
    }),
  },
  oursTarget('vardnav', 'Vårdnav gateway', []),
  oursTarget('vardnav-no-dedup', 'Vårdnav gateway, in-flight dedup off', ['--no-dedup']),
  {
    id: 'apollo-gateway',
    label: '@apollo/gateway',
    kind: 'peer',
    queries: ['a', 'b'],
    available: () => ({ ok: true }),
    spawn: (ctx) => ({
      command: process.execPath,
      args: [
        join(BENCH, 'targets', 'apollo-gateway.mjs'),
        '--supergraph',
        ctx.supergraphPath,
        '--port',
        String(ctx.port),
      ],
      env: { NODE_ENV: 'production', APOLLO_TELEMETRY_DISABLED: '1' },
      readyLine: true,
    }),
  },
  {
    id: 'hive-gateway',
    label: '@graphql-hive/gateway (--jit)',
    kind: 'peer',
    queries: ['a', 'b'],
    available: () => ({ ok: true }),
    spawn: (ctx) => ({
      command: process.execPath,
      args: hiveArgs(ctx, ['--jit']),
      cwd: ctx.workDir, // no gateway.config.* there: CLI options only
      env: { NODE_ENV: 'production' },
      url: `http://127.0.0.1:${ctx.port}/graphql`,
    }),
  },
  {
    id: 'hive-router-runtime',
    label: 'hive-gateway + router-runtime (Rust planner)',
    kind: 'peer',
    queries: ['a', 'b'],
    available: () => ({ ok: true }),
    spawn: (ctx) => ({
      command: process.execPath,
      args: hiveArgs(ctx, ['--hive-router-runtime']),
      cwd: ctx.workDir,
      env: { NODE_ENV: 'production' },
      url: `http://127.0.0.1:${ctx.port}/graphql`,
    }),
  },
];

export const TARGET_IDS = TARGETS.map((t) => t.id);

/** Our gateway as a target (targets/vardnav.mjs), with extra command-line flags. */
function oursTarget(id, label, flags) {
  return {
    id,
    label,
    kind: 'ours',
    queries: ['a', 'b'],
    available: (ctx) => {
      const entry = findGatewayEntry(ctx.vardnavFrom);
      return entry.path ? { ok: true } : { ok: false, reason: entry.reason };
    },
    spawn: (ctx) => ({
      command: process.execPath,
      args: [
        ...(ctx.vardnavFrom === 'dist' ? [] : ['--import', 'tsx']),
        join(BENCH, 'targets', 'vardnav.mjs'),
        '--supergraph',
        ctx.supergraphPath,
        '--port',
        String(ctx.port),
        '--from',
        ctx.vardnavFrom,
        ...flags,
      ],
      cwd: ROOT, // resolves tsx and the gateway's dependencies from the root node_modules
      env: { NODE_ENV: 'production' },
      readyLine: true,
    }),
  };
}
