import type { SourceRecord, SubgraphContext } from '../kit/index.js';
import { professionById } from './lookups.js';

/** Public reference lists: the 22 legitimation professions and the medical specialties. */

const swedish = new Intl.Collator('sv');
const byName = (a: SourceRecord, b: SourceRecord) =>
  swedish.compare(String(a.name), String(b.name)) || (String(a.id) < String(b.id) ? -1 : 1);

export const referenceQueries = {
  professions: async (_root: unknown, _args: unknown, ctx: SubgraphContext) =>
    [...(await ctx.data.national('professions'))].sort(byName),
  profession: async (_root: unknown, args: { id: string }, ctx: SubgraphContext) =>
    (await professionById(ctx, args.id)) ?? null,
  medicalSpecialties: async (_root: unknown, _args: unknown, ctx: SubgraphContext) =>
    [...(await ctx.data.national('medicalSpecialties'))].sort(byName),
};
