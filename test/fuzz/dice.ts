import fc from 'fast-check';

/**
 * Random choices for the schema-aware generators, drawn from fast-check's `fc.gen()` so a run is
 * reproducible from its seed (and the generators stay plain recursive functions).
 */
export interface Dice {
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An item chosen with probability proportional to its weight. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T;
}

// Unbiased: fast-check biases integers towards small values and bounds, which would skew every
// probability and pick here (the edge values are chosen explicitly by the generators instead).
const uniform = (min: number, max: number) => fc.noBias(fc.integer({ min, max }));

export function diceOf(g: fc.GeneratorValue): Dice {
  const int = (min: number, max: number) => g(uniform, min, max);
  return {
    int,
    chance: (p) => int(0, 999) < p * 1000,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from nothing');
      return items[int(0, items.length - 1)]!;
    },
    weighted: (items) => {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let at = int(0, Math.max(0, Math.ceil(total) - 1));
      for (const [item, w] of items) {
        if (at < w) return item;
        at -= w;
      }
      return items[items.length - 1]![0];
    },
  };
}
