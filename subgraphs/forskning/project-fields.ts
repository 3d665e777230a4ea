import type { ResearchProjectRecord } from '../../datagen/domains/forskning/records.js';
import { type SubgraphContext, type SubgraphResolvers, yearArg } from '../kit/index.js';
import { nationalData } from './national.js';

/** Field resolvers of the SYNTHETIC ResearchProject type (its funding carries the project's provenance). */
export const projectTypes: SubgraphResolvers = {
  ResearchProject: {
    leadRegion: (p: ResearchProjectRecord) => ({ code: p.leadRegionCode }),
    participatingRegions: (p: ResearchProjectRecord) => p.participatingRegionCodes.map((code) => ({ code })),
    university: async (p: ResearchProjectRecord, _args: unknown, ctx: SubgraphContext) =>
      (await nationalData(ctx)).universityById.get(p.universityId) ?? null,
    funding: (p: ResearchProjectRecord, args: { year?: number | null; funderType?: string | null }) => {
      const year = yearArg(args.year, 'year');
      return p.funding
        .filter(
          (f) =>
            (year === undefined || f.year === year) &&
            (args.funderType == null || f.funderType === args.funderType),
        )
        .map((f) => ({ ...f, source: p.source, synthetic: p.synthetic }));
    },
    totalFundingSek: (p: ResearchProjectRecord) => p.funding.reduce((sum, f) => sum + f.amountSek, 0),
  },
};
