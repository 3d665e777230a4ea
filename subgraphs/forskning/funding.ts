import type { GraphQLResolveInfo } from 'graphql';
import { PROJECTS, type ResearchProjectRecord } from '../../datagen/domains/forskning/records.js';
import {
  byKeys,
  type PageArgs,
  pageWindow,
  paginateCollected,
  regionCodeArg,
  reportPartial,
  type SubgraphContext,
  yearArg,
} from '../kit/index.js';

/** SYNTHETIC research funding summed per lead region, year and funder type (from the projects). */

interface FundingSummary {
  readonly regionCode: string;
  readonly year: number;
  readonly funderType: string;
  amountSek: number;
  projectCount: number;
  readonly source: string;
  readonly synthetic: boolean;
}

interface FundingArgs extends PageArgs {
  region?: string | null;
  year?: number | null;
  funderType?: string | null;
}

const order = byKeys<FundingSummary>(
  (s) => s.regionCode,
  (s) => s.year,
  (s) => s.funderType,
);

export function summarise(
  projects: readonly ResearchProjectRecord[],
  year: number | undefined,
  funderType: string | undefined,
): FundingSummary[] {
  const cells = new Map<string, FundingSummary>();
  for (const project of projects) {
    for (const f of project.funding) {
      if (
        (year !== undefined && f.year !== year) ||
        (funderType !== undefined && f.funderType !== funderType)
      )
        continue;
      const key = `${project.leadRegionCode}|${f.year}|${f.funderType}`;
      let cell = cells.get(key);
      if (!cell) {
        cell = {
          regionCode: project.leadRegionCode,
          year: f.year,
          funderType: f.funderType,
          amountSek: 0,
          projectCount: 0,
          source: project.source,
          synthetic: project.synthetic,
        };
        cells.set(key, cell);
      }
      cell.amountSek += f.amountSek;
      // A project has at most one funding row per year and funder type.
      cell.projectCount += 1;
    }
  }
  return [...cells.values()];
}

export const fundingQuery = {
  researchFunding: async (_: unknown, args: FundingArgs, ctx: SubgraphContext, info: GraphQLResolveInfo) => {
    const region = regionCodeArg(args.region, 'region');
    const year = yearArg(args.year, 'year');
    pageWindow(args);
    const collected = await ctx.data.collect(PROJECTS, { regions: region ? [region] : undefined });
    reportPartial(ctx, info, collected.errors);
    return paginateCollected(
      collected,
      (records) =>
        summarise(records as unknown as ResearchProjectRecord[], year, args.funderType ?? undefined),
      args,
      order,
    );
  },
};

export const fundingTypes = {
  ResearchFundingSummary: {
    region: (s: FundingSummary) => ({ code: s.regionCode }),
  },
};
