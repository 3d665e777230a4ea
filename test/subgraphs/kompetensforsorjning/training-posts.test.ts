import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '../../support/subgraph.js';

let server: TestSubgraph;
beforeAll(async () => {
  server = await startTestSubgraph('kompetensforsorjning');
});
afterAll(() => server.close());

interface Post {
  region: { code: string };
  year: number;
  postType: 'AT' | 'BT' | 'ST';
  specialty: { id: string; name: string } | null;
  count: number | null;
  suppressed: boolean;
  synthetic: boolean;
}

async function posts(args: string): Promise<{ totalCount: number; items: Post[] }> {
  const result = await server.query<{ trainingPosts: { totalCount: number; items: Post[] } }>(
    `{ trainingPosts(${args}, first: 1000) { totalCount items {
        region { code } year postType specialty { id name } count suppressed synthetic } } }`,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.trainingPosts;
}

describe('training posts (AT/BT/ST)', () => {
  it('has BT only from 2021 and AT declining after it, neither with a specialty', async () => {
    const skane = await posts('region: "12"');
    const bt = skane.items.filter((p) => p.postType === 'BT');
    expect(bt.length).toBeGreaterThan(0);
    expect(Math.min(...bt.map((p) => p.year))).toBe(2021);
    const at = skane.items.filter((p) => p.postType === 'AT');
    const atIn = (year: number) => at.find((p) => p.year === year)!.count!;
    expect(atIn(2024)).toBeLessThan(atIn(2020));
    for (const p of [...at, ...bt]) expect(p.specialty).toBeNull();
    expect(skane.items.every((p) => p.synthetic)).toBe(true);
  });

  it('filters ST posts by specialty, ordered by länskod then year', async () => {
    const ortopedi = await posts('specialty: "ortopedi", year: 2023');
    expect(ortopedi.totalCount).toBe(21);
    expect(ortopedi.items.every((p) => p.postType === 'ST' && p.specialty?.name === 'Ortopedi')).toBe(true);
    const codes = ortopedi.items.map((p) => p.region.code);
    expect(codes).toEqual([...codes].sort());
  });
});
