import { type FieldDefinitionNode, Kind, type ObjectTypeDefinitionNode, parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readSubgraphSdl } from '../../../subgraphs/kit/index.js';
import { ALL_REGIONS, rawRecords } from './raw.js';

const document = parse(readSubgraphSdl('kompetensforsorjning'));
const types = document.definitions.filter(
  (d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION,
);
const directives = (node: ObjectTypeDefinitionNode | FieldDefinitionNode) =>
  (node.directives ?? []).map((d) => print(d)).join(' ');

const WORKFORCE_SCOPE = '@requiresScopes(scopes: [["vardnav:workforce"]])';
/** Operational types and what they need; everything else is public reference data. */
const MARKED: Record<string, string[]> = {
  WorkforceFigure: ['@authenticated', WORKFORCE_SCOPE],
  WorkforcePage: ['@authenticated', WORKFORCE_SCOPE],
  StaffExchange: ['@authenticated', WORKFORCE_SCOPE],
  StaffExchangePage: ['@authenticated', WORKFORCE_SCOPE],
  TrainingPost: ['@authenticated'],
  TrainingPostPage: ['@authenticated'],
};

describe('access markings and synthetic labels in the schema', () => {
  it('marks operational types and every field returning them; leaves reference data public', () => {
    for (const type of types) {
      const needed = MARKED[type.name.value] ?? [];
      for (const marking of needed) expect(directives(type), type.name.value).toContain(marking);
      if (needed.length === 0) expect(directives(type), type.name.value).not.toContain('@authenticated');
      for (const field of type.fields ?? []) {
        const target = namedType(field);
        if (!MARKED[target] || MARKED[type.name.value]) continue;
        for (const marking of MARKED[target]!) {
          expect(directives(field), `${type.name.value}.${field.name.value}`).toContain(marking);
        }
      }
    }
  });

  it('says SYNTHETIC in the descriptions of synthetic types and of the fields serving them', () => {
    for (const name of ['WorkforceFigure', 'TrainingPost', 'StaffExchange']) {
      const type = types.find((t) => t.name.value === name)!;
      expect(type.description?.value, name).toMatch(/SYNTHETIC/);
    }
    for (const type of types.filter((t) => ['Query', 'Region'].includes(t.name.value))) {
      for (const field of type.fields ?? []) {
        if (['workforce', 'trainingPosts', 'staffExchanges'].includes(field.name.value)) {
          expect(field.description?.value, `${type.name.value}.${field.name.value}`).toMatch(/SYNTHETIC/);
        }
      }
    }
  });

  it('writes source and synthetic on every generated record; synthetic ones say so in the source', () => {
    for (const owner of [...ALL_REGIONS, 'national']) {
      const collections =
        owner === 'national'
          ? ['professions', 'medicalSpecialties', 'educationProgrammes', 'healthcareRegions']
          : ['workforce', 'trainingPosts', 'staffExchanges'];
      for (const collection of collections) {
        for (const record of rawRecords(owner, collection)) {
          expect(typeof record.source, `${owner}/${collection}`).toBe('string');
          expect(typeof record.synthetic).toBe('boolean');
          if (record.synthetic) expect(record.source).toMatch(/SYNTHETIC/);
          else expect(record.source).not.toMatch(/synthetic generator/);
        }
      }
    }
  });
});

function namedType(field: FieldDefinitionNode): string {
  let type = field.type;
  while (type.kind !== Kind.NAMED_TYPE) type = type.type;
  return type.name.value;
}
