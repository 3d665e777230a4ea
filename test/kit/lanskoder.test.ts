import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../core/paths.js';
import { isRegionCode, LANSKODER } from '../../core/regions.js';

const reference = JSON.parse(readFileSync(projectPath('data', 'reference', 'regions.json'), 'utf8')) as {
  regions: Array<{ countyCode: string }>;
};

describe('LANSKODER', () => {
  it('equals the county codes of data/reference/regions.json, sorted', () => {
    const codes = reference.regions.map((r) => r.countyCode).sort();
    expect(LANSKODER).toEqual(codes);
    expect(LANSKODER).toHaveLength(21);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(LANSKODER)).toBe(true);
  });

  it('recognises exactly the 21 codes', () => {
    expect(isRegionCode('18')).toBe(true);
    expect(isRegionCode('02')).toBe(false);
    expect(isRegionCode('1')).toBe(false);
    expect(isRegionCode(18)).toBe(false);
  });
});
