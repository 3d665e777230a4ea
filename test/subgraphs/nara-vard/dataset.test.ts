import { expect, it } from 'vitest';
import { naraVardData } from '../../../datagen/domains/nara-vard.js';
import { stream } from '../../../datagen/random.js';
import { loadReference } from '../../../datagen/reference.js';
import type { DatasetScale, GenContext } from '../../../datagen/types.js';

/** The nara-vard generator: collections per owner, real facts only where the seeds give them, fast. */

function context(scale: DatasetScale): GenContext {
  return {
    scale,
    seed: 11,
    reference: loadReference(),
    random: (name) => stream(11, name),
    syntheticSource: 'test generator — SYNTHETIC',
  };
}

it('writes the four regional collections for all 21 regions, plus national reference lists', () => {
  const started = performance.now();
  const output = naraVardData(context('small'));
  expect(performance.now() - started, 'small generation is fast').toBeLessThan(1000);
  const owners = Object.keys(output).sort();
  expect(owners).toHaveLength(22);
  expect(Object.keys(output.national!).sort()).toEqual(['indicators', 'municipalities']);
  expect(output.national!.municipalities).toHaveLength(290);
  for (const owner of owners.filter((o) => o !== 'national')) {
    expect(Object.keys(output[owner]!).sort()).toEqual([
      'indicatorValues',
      'naraVardCollaborations',
      'primaryCareUnits',
      'resourceDistributions',
    ]);
    expect(output[owner]!.primaryCareUnits!.length).toBeGreaterThan(0);
    for (const unit of output[owner]!.primaryCareUnits!)
      expect(unit).toMatchObject({ regionCode: owner, synthetic: true });
  }
});

it('has real facts only for Region Örebro län, as the seeds give them', () => {
  const output = naraVardData(context('small'));
  for (const [owner, collections] of Object.entries(output)) {
    if (owner === 'national') continue;
    const expected = owner === '18' ? [4, 1] : [0, 0];
    expect([collections.naraVardCollaborations!.length, collections.resourceDistributions!.length]).toEqual(
      expected,
    );
  }
  const [distribution] = output['18']!.resourceDistributions!;
  expect(distribution).toMatchObject({
    totalQuantity: 5200,
    perMunicipalitySplitAvailable: false,
    synthetic: false,
  });
  expect(
    Object.keys(distribution!).some((k) => /^\d{4}$/.test(k) || /perMunicipality(?!SplitAvailable)/.test(k)),
  ).toBe(false);
});

it('is deterministic and scales up for benchmarks', () => {
  const a = naraVardData(context('small'));
  expect(naraVardData(context('small'))).toEqual(a);
  const large = naraVardData(context('large'));
  const count = (o: typeof a, c: string) => Object.values(o).reduce((n, cs) => n + (cs[c]?.length ?? 0), 0);
  expect(count(large, 'primaryCareUnits')).toBeGreaterThan(2 * count(a, 'primaryCareUnits'));
  expect(count(large, 'indicatorValues')).toBeGreaterThan(3 * count(a, 'indicatorValues'));
});
