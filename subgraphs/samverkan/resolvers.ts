import type { SubgraphContext, SubgraphResolvers } from '../kit/index.js';

export const resolvers: SubgraphResolvers = {
  Query: {
    regions: (_root, _args, ctx) => ctx.data.national('regions'),
    region: async (_root, args: { code: string }, ctx) =>
      (await ctx.data.national('regions')).find((r) => r.code === args.code) ?? null,
  },
  Region: {
    __resolveReference: async (ref: { code: string }, ctx: SubgraphContext) =>
      (await ctx.data.national('regions')).find((r) => r.code === ref.code) ?? null,
  },
};
