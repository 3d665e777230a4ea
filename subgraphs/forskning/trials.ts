import type { GraphQLResolveInfo } from 'graphql';
import { type ClinicalTrialRecord, TRIALS } from '../../datagen/domains/forskning/records.js';
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
import { regionArg } from './args.js';

/** SYNTHETIC clinical trials: root list (fan-out over the regions) and the Region field. */

interface TrialFilters {
  readonly region?: string | undefined;
  readonly phase?: string | undefined;
  readonly status?: string | undefined;
  readonly therapeuticArea?: string | undefined;
}

/** Stable total order: start year, then id. */
const order = byKeys<ClinicalTrialRecord>(
  (t) => t.startYear,
  (t) => t.id,
);

function matches(t: ClinicalTrialRecord, f: TrialFilters): boolean {
  return (
    (f.region === undefined || t.participatingRegionCodes.includes(f.region)) &&
    (f.phase === undefined || t.phase === f.phase) &&
    (f.status === undefined || t.status === f.status) &&
    (f.therapeuticArea === undefined || t.therapeuticArea === f.therapeuticArea)
  );
}

/** Equality filters a source may push down (records are filtered again here). */
function pushdown(f: TrialFilters): SourceFilter | undefined {
  const filter: Record<string, string> = {};
  if (f.phase) filter.phase = f.phase;
  if (f.status) filter.status = f.status;
  if (f.therapeuticArea) filter.therapeuticArea = f.therapeuticArea;
  return Object.keys(filter).length > 0 ? filter : undefined;
}

async function collectedPage(
  ctx: SubgraphContext,
  info: GraphQLResolveInfo,
  filters: TrialFilters,
  page: PageArgs,
  regions?: readonly string[],
) {
  pageWindow(page);
  const collected = await ctx.data.collect(TRIALS, { regions, filter: pushdown(filters) });
  reportPartial(ctx, info, collected.errors);
  return paginateCollected(
    collected,
    (records) => (records as unknown as ClinicalTrialRecord[]).filter((t) => matches(t, filters)),
    page,
    order,
  );
}

interface RootArgs extends PageArgs {
  region?: string | null;
  leadRegion?: string | null;
  phase?: string | null;
  status?: string | null;
  therapeuticArea?: string | null;
}

interface RegionFieldArgs extends PageArgs {
  phase?: string | null;
  status?: string | null;
  includeParticipating?: boolean | null;
}

export const trialQuery = {
  clinicalTrials: async (_: unknown, args: RootArgs, ctx: SubgraphContext, info: GraphQLResolveInfo) => {
    const leadRegion = regionArg(ctx, args.leadRegion, 'leadRegion');
    const filters: TrialFilters = {
      region: regionArg(ctx, args.region, 'region'),
      phase: args.phase ?? undefined,
      status: args.status ?? undefined,
      therapeuticArea: args.therapeuticArea ?? undefined,
    };
    return collectedPage(ctx, info, filters, args, leadRegion ? [leadRegion] : undefined);
  },
};

/** Region.clinicalTrials: the region's own trials, or (includeParticipating) all it takes part in. */
export async function regionTrials(
  region: { code: string },
  args: RegionFieldArgs,
  ctx: SubgraphContext,
  info: GraphQLResolveInfo,
) {
  const filters: TrialFilters = {
    region: region.code,
    phase: args.phase ?? undefined,
    status: args.status ?? undefined,
  };
  if (args.includeParticipating) return collectedPage(ctx, info, filters, args);
  pageWindow(args);
  const records = (await ctx.data.region(
    region.code,
    TRIALS,
    pushdown(filters),
  )) as unknown as ClinicalTrialRecord[];
  return paginate(
    records.filter((t) => t.leadRegionCode === region.code && matches(t, filters)),
    args,
    order,
  );
}
