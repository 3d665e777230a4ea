import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegionData } from '../../subgraphs/kit/index.js';
import type { BreakerSource } from '../../subgraphs/kit/sources/breaker.js';
import type { ConfiguredRegistry } from '../../subgraphs/kit/sources/config-registry.js';
import type { PostgresSource } from '../../subgraphs/kit/sources/postgres/postgres-source.js';
import { testDatasetPath } from '../support/dataset.js';
import { startTestSubgraph } from '../support/subgraph.js';
import { capturingLogger, registryOf } from './support/config.js';
import { loadTable, startTestDatabase, type TestDatabase } from './support/postgres.js';
import { datasetRecords } from './support/region-server.js';

/**
 * PostgreSQL connector against a real engine: PGlite over the wire protocol by default, Debian's
 * PostgreSQL server in `.ci/run` (VARDNAV_TEST_PG_URL). The hub reaches it through a loopback
 * proxy that can be stopped (database down) or stalled (database hangs).
 */

const POSTS = [
  { id: 'st-1', profession: 'Läkare', specialty: 'Allmänmedicin', year: 2023, posts: 12, hospitalId: 'sus' },
  { id: 'st-2', profession: 'Läkare', specialty: 'Psykiatri', year: 2024, posts: 7, hospitalId: 'sus' },
  {
    id: 'st-3',
    profession: 'Sjuksköterska',
    specialty: 'Äldrevård',
    year: 2023,
    posts: 3,
    hospitalId: 'skanes-universitetssjukhus',
  },
].map((p) => ({ ...p, source: 'Region Skåne — test table', synthetic: true }));

let db: TestDatabase;
const registries: ConfiguredRegistry[] = [];
const connection = { urlEnv: 'VARDNAV_TEST_DB_URL' };
const FAST = { poolSize: 2, connectTimeoutMs: 1_000, queryTimeoutMs: 1_000, statementTimeoutMs: 800 };

function registry(spec: Record<string, unknown>, options: Parameters<typeof registryOf>[1] = {}) {
  const r = registryOf(
    {
      regions: { '12': { kompetensforsorjning: { kind: 'postgres', connection, postgres: FAST, ...spec } } },
    },
    { env: db.env, ...options },
  );
  registries.push(r);
  return r;
}
const sourceOf = (r: ConfiguredRegistry, owner = '12') => r.get('kompetensforsorjning', owner)!;
const queriesOf = (r: ConfiguredRegistry, owner = '12') =>
  ((r.get('kompetensforsorjning', owner) as BreakerSource).inner as PostgresSource).queriesSent;

beforeAll(async () => {
  db = await startTestDatabase();
  await loadTable(db, 'vardnav', 'training_posts', POSTS);
  await db.exec('CREATE SCHEMA IF NOT EXISTS region_skane');
  await db.exec('DROP TABLE IF EXISTS region_skane.st_tjanster');
  await db.exec('CREATE TABLE region_skane.st_tjanster (nr text, yrke text, ar integer, antal integer)');
  await db.exec(
    `INSERT INTO region_skane.st_tjanster VALUES ('a', 'Läkare', 2023, 4), ('b', 'Barnmorska', 2024, 2)`,
  );
  await db.exec('DROP TABLE IF EXISTS vardnav.warehouse_posts');
  await db.exec('CREATE TABLE vardnav.warehouse_posts (region_code text, id text, year integer)');
  await db.exec(
    `INSERT INTO vardnav.warehouse_posts VALUES ('12', 'w1', 2023), ('13', 'w2', 2023), ('12', 'w3', 2024)`,
  );
}, 60_000);

afterAll(async () => {
  await Promise.all(registries.map((r) => r.close()));
  await db?.close();
});

describe(`postgres source`, () => {
  it('reads the documented layout (schema vardnav, snake_case) in one query per batch', async () => {
    const r = registry({});
    const [all, y2023, sus2024, none] = await sourceOf(r).fetch([
      { collection: 'trainingPosts' },
      { collection: 'trainingPosts', filter: { year: 2023 } },
      { collection: 'trainingPosts', filter: { hospitalId: 'sus', year: 2024 } },
      { collection: 'trainingPosts', filter: { profession: 'Barnmorska' } },
    ]);
    expect(queriesOf(r)).toBe(1);
    expect(all).toHaveLength(3);
    expect(all!.find((p) => p.id === 'st-1')).toEqual(POSTS[0]);
    expect(y2023!.map((p) => p.id).sort()).toEqual(['st-1', 'st-3']);
    expect(sus2024!.map((p) => p.id)).toEqual(['st-2']);
    expect(none).toEqual([]);
  });

  it('maps a region layout of its own through config (schema, table, columns)', async () => {
    const r = registry({
      schema: 'region_skane',
      label: 'Region Skåne, ST-tjänster (test)',
      collections: {
        trainingPosts: {
          from: 'st_tjanster',
          fields: { id: 'nr', profession: 'yrke', year: 'ar', posts: 'antal' },
        },
      },
    });
    const [records] = await sourceOf(r).fetch([
      { collection: 'trainingPosts', filter: { profession: 'Läkare' } },
    ]);
    expect(records).toEqual([
      {
        id: 'a',
        profession: 'Läkare',
        year: 2023,
        posts: 4,
        source: 'Region Skåne, ST-tjänster (test)',
        synthetic: false,
      },
    ]);
  });

  it('serves a warehouse shared by regions through the owner column', async () => {
    const r = registryOf(
      {
        allRegions: {
          kompetensforsorjning: {
            kind: 'postgres',
            connection,
            postgres: FAST,
            ownerColumn: 'region_code',
            collections: { trainingPosts: { from: 'warehouse_posts' } },
          },
        },
      },
      { env: db.env },
    );
    registries.push(r);
    const data = new RegionData({ domain: 'kompetensforsorjning', registry: r });
    const collected = await data.collect('trainingPosts', { regions: ['12', '13', '14'] });
    expect(collected.records.map((p) => p.id).sort()).toEqual(['w1', 'w2', 'w3']);
    expect(collected.records.find((p) => p.id === 'w2')).not.toHaveProperty('regionCode');
  });

  it('passes filter values as parameters only', async () => {
    const r = registry({});
    const [records] = await sourceOf(r).fetch([
      { collection: 'trainingPosts', filter: { id: "x' OR '1'='1'; DROP TABLE vardnav.training_posts; --" } },
    ]);
    expect(records).toEqual([]);
    expect((await sourceOf(r).fetch([{ collection: 'trainingPosts' }]))[0]).toHaveLength(3);
  });

  it('reports a missing table or view as the region being unavailable', async () => {
    const r = registry({});
    await expect(sourceOf(r).fetch([{ collection: 'noSuchCollection' }])).rejects.toMatchObject({
      code: 'REGION_SOURCE_UNAVAILABLE',
    });
  });

  it('a database that is down: REGION_SOURCE_UNAVAILABLE, then it recovers', async () => {
    const { logger, lines } = capturingLogger();
    const r = registry({}, { logger });
    expect((await sourceOf(r).fetch([{ collection: 'trainingPosts' }]))[0]).toHaveLength(3);
    await db.proxy.stop();
    try {
      await expect(sourceOf(r).fetch([{ collection: 'trainingPosts' }])).rejects.toMatchObject({
        code: 'REGION_SOURCE_UNAVAILABLE',
      });
    } finally {
      await db.proxy.restart();
    }
    expect((await sourceOf(r).fetch([{ collection: 'trainingPosts' }]))[0]).toHaveLength(3);
    const secret = new URL(db.env.VARDNAV_TEST_DB_URL!).password;
    if (secret) expect(lines.join('\n')).not.toContain(secret);
  });

  it('a database that hangs: the client-side query timeout answers REGION_SOURCE_TIMEOUT', async () => {
    const r = registry({ postgres: { ...FAST, queryTimeoutMs: 300 } });
    expect((await sourceOf(r).fetch([{ collection: 'trainingPosts' }]))[0]).toHaveLength(3);
    db.proxy.stalled = true;
    const started = Date.now();
    try {
      await expect(sourceOf(r).fetch([{ collection: 'trainingPosts' }])).rejects.toMatchObject({
        code: 'REGION_SOURCE_TIMEOUT',
      });
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      db.proxy.stalled = false;
    }
    // The stalled connection is discarded; a fresh one answers.
    expect((await sourceOf(r).fetch([{ collection: 'trainingPosts' }]))[0]).toHaveLength(3);
  });

  it.runIf(process.env.VARDNAV_TEST_PG_URL)(
    'server statement_timeout cancels a slow query: REGION_SOURCE_TIMEOUT (PostgreSQL server only)',
    async () => {
      await db.exec(
        `CREATE OR REPLACE VIEW vardnav.slow_posts AS SELECT p.* FROM vardnav.training_posts p, pg_sleep(3) s`,
      );
      const r = registry({ postgres: { ...FAST, statementTimeoutMs: 200, queryTimeoutMs: 10_000 } });
      const started = Date.now();
      const error = await sourceOf(r)
        .fetch([{ collection: 'slowPosts' }])
        .catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'REGION_SOURCE_TIMEOUT',
        message: expect.stringMatching(/statement_timeout/),
      });
      expect(Date.now() - started).toBeLessThan(2_500);
    },
  );
});

describe('postgres source through GraphQL (nara-vard, region 18 from the database)', () => {
  it('answers like the embedded data; when the database is down, region 18 is missing with a coded error', async () => {
    const dataset = testDatasetPath();
    const units = datasetRecords(dataset, '18', 'nara-vard')('primaryCareUnits') ?? [];
    expect(units.length).toBeGreaterThan(0);
    await loadTable(db, 'vardnav', 'primary_care_units', units);
    const r = registryOf(
      {
        fallback: 'embedded',
        regions: {
          '18': { naraVard: { kind: 'postgres', connection, postgres: FAST, serves: ['primaryCareUnits'] } },
        },
      },
      { env: db.env, datasetPath: dataset },
    );
    registries.push(r);
    const server = await startTestSubgraph('nara-vard', { registry: r });
    const query = `query($r: [_Any!]!) {
      primaryCareUnits(first: 1000) { totalCount missingRegions items { id } }
      _entities(representations: $r) { ... on Region { code primaryCareUnits { totalCount } } }
    }`;
    const reps = { r: [{ __typename: 'Region', code: '18' }] };
    try {
      const embedded = await startTestSubgraph('nara-vard');
      const expected = await embedded.query(query, reps);
      await embedded.close();
      const fromDb = await server.query(query, reps);
      expect(fromDb.errors).toBeUndefined();
      expect(fromDb.data).toEqual(expected.data);

      await db.proxy.stop();
      try {
        const down = await server.query<{
          primaryCareUnits: { missingRegions: string[] };
          _entities: Array<{ primaryCareUnits: unknown }>;
        }>(query, reps);
        expect(down.data?.primaryCareUnits.missingRegions).toEqual(['18']);
        expect(down.data?._entities[0]?.primaryCareUnits).toBeNull();
        expect(down.errors?.map((e) => [e.extensions?.code, e.extensions?.region])).toContainEqual([
          'REGION_SOURCE_UNAVAILABLE',
          '18',
        ]);
      } finally {
        await db.proxy.restart();
      }
      const back = await server.query(query, reps);
      expect(back.data).toEqual(expected.data);
    } finally {
      await server.close();
    }
  });
});
