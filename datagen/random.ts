/**
 * Deterministic pseudo-random numbers (mulberry32 seeded through a string hash), so the synthetic
 * dataset is identical for the same seed on every machine. Each generator takes its own stream
 * (`stream(seed, 'name')`), so adding a generator does not change the others' data.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Approximately normal (Irwin–Hall of 4), mean and standard deviation given. */
  normal(mean: number, sd: number): number;
  chance(probability: number): boolean;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

export function stream(seed: number, name: string): Random {
  let state = (hash(`${seed}:${name}`) || 1) >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    normal: (mean, sd) => mean + sd * ((next() + next() + next() + next() - 2) / Math.sqrt(4 / 12)),
    chance: (p) => next() < p,
  };
}
