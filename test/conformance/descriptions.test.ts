import { type DocumentNode, Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SUBGRAPH_NAMES } from '../../core/subgraph-names.js';
import { readSubgraphSdl } from '../../subgraphs/kit/index.js';

/** Every schema element and where it lacks a bilingual description ("Svensk term — English …"). */
function undocumented(document: DocumentNode): string[] {
  const problems: string[] = [];
  const check = (where: string, description: string | undefined, bilingual: boolean) => {
    if (!description?.trim()) problems.push(`${where}: no description`);
    else if (bilingual && !/\S\s[—–]\s\S/.test(description))
      problems.push(`${where}: not "Svensk term — English …"`);
  };
  for (const def of document.definitions) {
    if (
      def.kind === Kind.SCHEMA_EXTENSION ||
      def.kind === Kind.DIRECTIVE_DEFINITION ||
      !('name' in def) ||
      !def.name
    )
      continue;
    const name = def.name.value;
    check(name, 'description' in def ? def.description?.value : undefined, true);
    if ('fields' in def) {
      for (const field of def.fields ?? []) {
        check(`${name}.${field.name.value}`, field.description?.value, true);
        if ('arguments' in field) {
          for (const arg of field.arguments ?? [])
            check(`${name}.${field.name.value}(${arg.name.value})`, arg.description?.value, false);
        }
      }
    }
    if ('values' in def)
      for (const value of def.values ?? [])
        check(`${name}.${value.name.value}`, value.description?.value, false);
  }
  return problems;
}

describe.each(SUBGRAPH_NAMES)('schema/%s.graphql', (name) => {
  it('describes every type, field, argument and enum value, Swedish term first', () => {
    expect(undocumented(parse(readSubgraphSdl(name)))).toEqual([]);
  });
});
