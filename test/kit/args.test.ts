import type { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  filterOf,
  knownIdArg,
  kommunkodArg,
  lanskodFormatArg,
  monthArg,
  regionCodeArg,
  slugArg,
  yearArg,
} from '../../subgraphs/kit/index.js';

function badInputOf(check: () => unknown): GraphQLError {
  try {
    check();
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error('expected BAD_USER_INPUT, nothing was thrown');
}

describe('shared argument checks', () => {
  it('treats an absent optional argument as undefined', () => {
    for (const check of [regionCodeArg, lanskodFormatArg, kommunkodArg, yearArg, monthArg]) {
      expect(check(null, 'x')).toBeUndefined();
      expect(check(undefined, 'x')).toBeUndefined();
    }
    expect(slugArg(null, 'id', 'sodra')).toBeUndefined();
    expect(knownIdArg(undefined, 'id', new Set(['a']), 'known')).toBeUndefined();
  });

  it('accepts the 21 länskoder whatever sources are configured, and nothing else', () => {
    expect(regionCodeArg('18', 'region')).toBe('18');
    expect(regionCodeArg('25', 'region')).toBe('25');
    const wrongForm = badInputOf(() => regionCodeArg('Örebro', 'fromRegion'));
    expect(wrongForm.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'fromRegion' });
    expect(wrongForm.message).toMatch(/^fromRegion must be a länskod like "18" \(two digits\), got "Örebro"/);
    const unknown = badInputOf(() => regionCodeArg('02', 'region'));
    expect(unknown.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'region' });
    expect(unknown.message).toMatch(/^region "02" is not the länskod of one of the 21 regions \(01, 03, /);
    // Format only: a well-formed but unknown code passes (lookups answer null).
    expect(lanskodFormatArg('02', 'code')).toBe('02');
  });

  it('checks kommunkod, year, month and slug forms, naming the argument', () => {
    expect(kommunkodArg('1864', 'code')).toBe('1864');
    expect(badInputOf(() => kommunkodArg('186', 'municipality')).message).toMatch(
      /municipality must be a four-digit kommunkod like "1864"/,
    );
    expect(yearArg(2024, 'year')).toBe(2024);
    expect(badInputOf(() => yearArg(20240, 'year')).message).toMatch(
      /year must be a calendar year from 1900 to 2100/,
    );
    expect(badInputOf(() => yearArg(1950, 'year', { from: 1990, to: 2100 })).message).toMatch(/from 1990/);
    expect(badInputOf(() => yearArg(2024.5, 'activeInYear')).extensions?.argumentName).toBe('activeInYear');
    expect(monthArg('2024-03', 'month')).toBe('2024-03');
    expect(badInputOf(() => monthArg('2024-13', 'month')).message).toMatch(
      /month must be a month as YYYY-MM/,
    );
    expect(slugArg('sahlgrenska', 'id', 'sahlgrenska')).toBe('sahlgrenska');
    expect(badInputOf(() => slugArg('Läkare', 'profession', 'lakare')).message).toMatch(
      /profession must be an id like "lakare" \(a slug/,
    );
  });

  it('rejects unknown ids listing the valid ones, a long list cut short', () => {
    const six = new Map(['vastra', 'sodra', 'norra'].map((id) => [id, { id }]));
    const error = badInputOf(() => knownIdArg('south', 'healthcareRegion', six, 'a sjukvårdsregion id'));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'healthcareRegion' });
    expect(error.message).toBe(
      'healthcareRegion "south" is not a sjukvårdsregion id (valid ids: norra, sodra, vastra)',
    );
    const many = new Set(Array.from({ length: 290 }, (_, i) => String(1000 + i)));
    expect(badInputOf(() => knownIdArg('0000', 'municipality', many, 'known')).message).toMatch(
      /1024, … \(290 in all\)\)$/,
    );
    expect(badInputOf(() => knownIdArg('x'.repeat(500), 'id', many, 'known')).message.length).toBeLessThan(
      400,
    );
  });

  it('builds a source filter of the given arguments only', () => {
    expect(filterOf({ year: 2024, profession: null, specialty: undefined, synthetic: false })).toEqual({
      year: 2024,
      synthetic: false,
    });
    expect(filterOf({ year: null })).toBeUndefined();
  });
});
