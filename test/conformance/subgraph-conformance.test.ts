/**
 * The shared conformance suite: every domain subgraph runs the same checks against a real server.
 */
import { type GraphQLObjectType, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPH_NAMES } from '../../core/subgraph-names.js';
import { MODULES } from '../../subgraphs/index.js';
import { buildModuleSchema, readSubgraphSdl } from '../../subgraphs/kit/index.js';
import { testRegistry } from '../support/dataset.js';
import { countingRegistry, FailingSource } from '../support/sources.js';
import { startTestSubgraph, type TestSubgraph } from '../support/subgraph.js';
import { knownKeys, UNKNOWN_KEY_VALUE } from './entity-samples.js';
import { sdlSignature } from './sdl-signature.js';
import { entityTypeNames, rootListFieldsWithPaging, shallowSelection } from './selection.js';

const FAILING_REGION = '12';

describe.each(SUBGRAPH_NAMES)('subgraph %s', (name) => {
  const schema = buildModuleSchema(MODULES[name]);
  const counting = countingRegistry(testRegistry());
  let server: TestSubgraph;
  let failing: TestSubgraph | undefined;
  const domainHasRegionSources = testRegistry().regionsFor(name).includes(FAILING_REGION);

  beforeAll(async () => {
    server = await startTestSubgraph(name, { registry: counting.registry });
    if (domainHasRegionSources) {
      failing = await startTestSubgraph(name, {
        registry: testRegistry().with(name, FAILING_REGION, new FailingSource()),
      });
    }
  });
  afterAll(async () => {
    await server?.close();
    await failing?.close();
  });

  it('serves the SDL of its schema file through _service', async () => {
    const result = await server.query<{ _service: { sdl: string } }>('{ _service { sdl } }');
    expect(result.errors).toBeUndefined();
    expect(sdlSignature(parse(result.data!._service.sdl))).toEqual(
      sdlSignature(parse(readSubgraphSdl(name))),
    );
  });

  for (const typename of entityTypeNames(schema)) {
    const keys = knownKeys(typename);
    if (!keys) continue;
    it(`resolves every ${typename} key through _entities with one source call per owner`, async () => {
      const type = schema.getType(typename) as GraphQLObjectType;
      const keyField = Object.keys(keys[0]!)[0]!;
      const representations = [...keys, { [keyField]: UNKNOWN_KEY_VALUE }].map((k) => ({
        __typename: typename,
        ...k,
      }));
      counting.reset();
      const result = await server.query<{ _entities: Array<Record<string, unknown> | null> }>(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${shallowSelection(type)} } } }`,
        { r: representations },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities).toHaveLength(representations.length);
      expect(result.data!._entities.slice(0, -1).every((e) => e !== null)).toBe(true);
      expect(result.data!._entities.at(-1)).toBeNull();
      for (const [owner, calls] of Object.entries(counting.calls(name))) {
        expect(calls, `source calls for owner ${owner}`).toBeLessThanOrEqual(1);
      }
    });
  }

  // Only domains with regional sources (samverkan serves national reference data only).
  if (domainHasRegionSources)
    it('answers for the other regions when one region source fails', async () => {
      const type = schema.getType('Region') as GraphQLObjectType;
      const regions = knownKeys('Region')!.map((k) => ({ __typename: 'Region', ...k }));
      const result = await failing!.query<{ _entities: Array<Record<string, unknown> | null> }>(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Region { ${shallowSelection(type)} } } }`,
        { r: regions },
      );
      const failed = result.errors?.filter((e) => e.extensions?.region === FAILING_REGION) ?? [];
      expect(failed.length).toBeGreaterThan(0);
      for (const error of result.errors ?? []) {
        expect(error.extensions?.code).toBe('REGION_SOURCE_UNAVAILABLE');
        expect(error.message).not.toMatch(/ECONNREFUSED|10\.0\.0\.1/);
      }
      const others = result.data!._entities.filter(
        (_, i) => knownKeys('Region')![i]!.code !== FAILING_REGION,
      );
      expect(others.every((entity) => entity !== null)).toBe(true);

      for (const field of rootListFieldsWithPaging(schema)) {
        if (field.args.some((a) => a.type.toString().endsWith('!') && a.defaultValue === undefined)) continue;
        const page = await failing!.query<Record<string, { totalCount: number; missingRegions: string[] }>>(
          `{ ${field.name} { totalCount missingRegions } }`,
        );
        expect(page.data?.[field.name], `${field.name} still answers`).not.toBeNull();
        const missing = page.data![field.name]!.missingRegions;
        if (missing.length > 0) expect(missing).toEqual([FAILING_REGION]);
      }
    });

  for (const field of rootListFieldsWithPaging(schema)) {
    it(`rejects bad paging arguments on ${field.name} with BAD_USER_INPUT`, async () => {
      const required = field.args.some(
        (a) => a.type.toString().endsWith('!') && a.defaultValue === undefined,
      );
      if (required) return;
      for (const bad of ['first: -1', 'first: 100000', 'offset: -5']) {
        const result = await server.query(`{ ${field.name}(${bad}) { totalCount } }`);
        expect(result.errors?.[0]?.extensions?.code, bad).toBe('BAD_USER_INPUT');
        expect(result.errors?.[0]?.message).toMatch(/first|offset/);
      }
    });
  }
});
