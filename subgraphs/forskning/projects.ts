import type { GraphQLResolveInfo } from 'graphql';
import { badInput } from '../../core/errors.js';
import { PROJECTS, type ResearchProjectRecord } from '../../datagen/domains/forskning/records.js';
import {
  byKeys,
  type PageArgs,
  pageWindow,
  paginate,
  paginateCollected,
  reportPartial,
  type SourceFilter,
  type SubgraphContext,
} from '../kit/index.js';
import { regionArg, universityArg, yearArg } from './args.js';
import { nationalData } from './national.js';

/** SYNTHETIC research projects: root lists (fan-out over the regions) and the Region field. */

interface ProjectFilters {
  readonly region?: string | undefined;
  readonly researchArea?: string | undefined;
  readonly activeInYear?: number | undefined;
  readonly university?: string | undefined;
}

/** Stable total order: start year, then id. */
const order = byKeys<ResearchProjectRecord>(
  (p) => p.startYear,
  (p) => p.id,
);

function matches(p: ResearchProjectRecord, f: ProjectFilters): boolean {
  return (
    (f.region === undefined || p.participatingRegionCodes.includes(f.region)) &&
    (f.researchArea === undefined || p.researchArea === f.researchArea) &&
    (f.activeInYear === undefined || (p.startYear <= f.activeInYear && f.activeInYear <= p.endYear)) &&
    (f.university === undefined || p.universityId === f.university)
  );
}

/** Equality filter a source may push down (it may ignore it: records are filtered again here). */
function pushdown(f: ProjectFilters): SourceFilter | undefined {
  return f.researchArea ? { researchArea: f.researchArea } : undefined;
}

/** Projects from several regions' sources; failed regions become missingRegions + partial errors. */
async function collectedPage(
  ctx: SubgraphContext,
  info: GraphQLResolveInfo,
  filters: ProjectFilters,
  page: PageArgs,
  regions?: readonly string[],
) {
  pageWindow(page);
  const collected = await ctx.data.collect(PROJECTS, { regions, filter: pushdown(filters) });
  reportPartial(ctx, info, collected.errors);
  return paginateCollected(
    collected,
    (records) => (records as unknown as ResearchProjectRecord[]).filter((p) => matches(p, filters)),
    page,
    order,
  );
}

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
    const leadRegion = regionArg(ctx, args.leadRegion, 'leadRegion');
    const filters: ProjectFilters = {
      region: regionArg(ctx, args.region, 'region'),
      researchArea: args.researchArea ?? undefined,
      activeInYear: yearArg(args.activeInYear, 'activeInYear'),
      university:
        args.university == null
          ? undefined
          : universityArg(await nationalData(ctx), args.university, 'university'),
    };
    return collectedPage(ctx, info, filters, args, leadRegion ? [leadRegion] : undefined);
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
export async function regionProjects(
  region: { code: string },
  args: RegionFieldArgs,
  ctx: SubgraphContext,
  info: GraphQLResolveInfo,
) {
  const filters: ProjectFilters = {
    region: region.code,
    researchArea: args.researchArea ?? undefined,
    activeInYear: yearArg(args.activeInYear, 'activeInYear'),
  };
  if (args.includeParticipating) return collectedPage(ctx, info, filters, args);
  pageWindow(args);
  const records = (await ctx.data.region(
    region.code,
    PROJECTS,
    pushdown(filters),
  )) as unknown as ResearchProjectRecord[];
  return paginate(
    records.filter((p) => p.leadRegionCode === region.code && matches(p, filters)),
    args,
    order,
  );
}
