import type { GraphQLResolveInfo } from 'graphql';
import { badInput } from '../../core/errors.js';
import { PROJECTS, type ResearchProjectRecord } from '../../datagen/domains/forskning/records.js';
import {
  byKeys,
  filterOf,
  knownIdArg,
  type PageArgs,
  regionCodeArg,
  type SubgraphContext,
  yearArg,
} from '../kit/index.js';
import { nationalData } from './national.js';
import { collectedPage, type RegionalList, regionPage } from './regional-list.js';

/** SYNTHETIC research projects: root lists (fan-out over the regions) and the Region field. */

interface ProjectFilters {
  readonly region?: string | undefined;
  readonly researchArea?: string | undefined;
  readonly activeInYear?: number | undefined;
  readonly university?: string | undefined;
}

const projects: RegionalList<ResearchProjectRecord, ProjectFilters> = {
  collection: PROJECTS,
  // Stable total order: start year, then id.
  order: byKeys(
    (p) => p.startYear,
    (p) => p.id,
  ),
  matches: (p, f) =>
    (f.region === undefined || p.participatingRegionCodes.includes(f.region)) &&
    (f.researchArea === undefined || p.researchArea === f.researchArea) &&
    (f.activeInYear === undefined || (p.startYear <= f.activeInYear && f.activeInYear <= p.endYear)) &&
    (f.university === undefined || p.universityId === f.university),
  pushdown: (f) => filterOf({ researchArea: f.researchArea }),
};

interface RootArgs extends PageArgs {
  region?: string | null;
  leadRegion?: string | null;
  researchArea?: string | null;
  activeInYear?: number | null;
  university?: string | null;
}

interface RegionFieldArgs extends PageArgs {
  researchArea?: string | null;
  activeInYear?: number | null;
  includeParticipating?: boolean | null;
}

export const projectQuery = {
  researchProjects: async (_: unknown, args: RootArgs, ctx: SubgraphContext, info: GraphQLResolveInfo) => {
    const leadRegion = regionCodeArg(args.leadRegion, 'leadRegion');
    const filters: ProjectFilters = {
      region: regionCodeArg(args.region, 'region'),
      researchArea: args.researchArea ?? undefined,
      activeInYear: yearArg(args.activeInYear, 'activeInYear'),
      university:
        args.university == null
          ? undefined
          : knownIdArg(
              args.university,
              'university',
              (await nationalData(ctx)).universityById,
              'a university id',
            ),
    };
    return collectedPage(projects, ctx, info, filters, args, leadRegion ? [leadRegion] : undefined);
  },
  researchProject: async (_: unknown, args: { id: string }, ctx: SubgraphContext) => {
    const match = /^FP-(\d{2})-\d{4}$/.exec(args.id);
    if (!match) throw badInput(`id must look like "FP-18-0003", got ${JSON.stringify(args.id)}`, 'id');
    const lead = match[1]!;
    if (!ctx.data.regions().includes(lead)) return null;
    const records = (await ctx.data.region(lead, PROJECTS)) as unknown as ResearchProjectRecord[];
    return records.find((p) => p.id === args.id) ?? null;
  },
};

/** Region.researchProjects: the region's own projects, or (includeParticipating) all it takes part in. */
export const regionProjects = (
  region: { code: string },
  args: RegionFieldArgs,
  ctx: SubgraphContext,
  info: GraphQLResolveInfo,
) =>
  regionPage(
    projects,
    region.code,
    {
      region: region.code,
      researchArea: args.researchArea ?? undefined,
      activeInYear: yearArg(args.activeInYear, 'activeInYear'),
    },
    args,
    ctx,
    info,
  );
