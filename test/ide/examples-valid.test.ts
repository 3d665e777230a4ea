import { readFileSync } from 'node:fs';
import { QueryPlanner } from '@graphql-hive/router-query-planner';
import { parse, validate } from 'graphql';
import { expect, it } from 'vitest';
import { projectPath } from '../../core/paths.js';
import { buildApiSchema } from '../../gateway/load/api-schema.js';
import { EXAMPLES } from '../../ide/src/examples.js';

it('every GraphiQL example query is valid against the hub supergraph', () => {
  const supergraph = readFileSync(projectPath('schema', 'supergraph.graphql'), 'utf8');
  const schema = buildApiSchema(new QueryPlanner(supergraph).consumerSchema);
  expect(EXAMPLES.length).toBeGreaterThanOrEqual(3);
  for (const example of EXAMPLES) {
    expect(
      validate(schema, parse(example.query)).map((e) => e.message),
      example.title,
    ).toEqual([]);
  }
});
