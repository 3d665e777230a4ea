import type { GraphQLResolveInfo } from 'graphql';
import { type ClinicalTrialRecord, TRIALS } from '../../datagen/domains/forskning/records.js';
import { byKeys, filterOf, type PageArgs, regionCodeArg, type SubgraphContext } from '../kit/index.js';
import { collectedPage, type RegionalList, regionPage } from './regional-list.js';

/** SYNTHETIC clinical trials: root list (fan-out over the regions) and the Region field. */

interface TrialFilters {
  readonly region?: string | undefined;
  readonly phase?: string | undefined;
  readonly status?: string | undefined;
  readonly therapeuticArea?: string | undefined;
}

const trials: RegionalList<ClinicalTrialRecord, TrialFilters> = {
  collection: TRIALS,
  // Stable total order: start year, then id.
  order: byKeys(
    (t) => t.startYear,
    (t) => t.id,
  ),
  matches: (t, f) =>
    (f.region === undefined || t.participatingRegionCodes.includes(f.region)) &&
    (f.phase === undefined || t.phase === f.phase) &&
    (f.status === undefined || t.status === f.status) &&
    (f.therapeuticArea === undefined || t.therapeuticArea === f.therapeuticArea),
  pushdown: (f) => filterOf({ phase: f.phase, status: f.status, therapeuticArea: f.therapeuticArea }),
};

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
    const leadRegion = regionCodeArg(args.leadRegion, 'leadRegion');
    const filters: TrialFilters = {
      region: regionCodeArg(args.region, 'region'),
      phase: args.phase ?? undefined,
      status: args.status ?? undefined,
      therapeuticArea: args.therapeuticArea ?? undefined,
    };
    return collectedPage(trials, ctx, info, filters, args, leadRegion ? [leadRegion] : undefined);
  },
};

/** Region.clinicalTrials: the region's own trials, or (includeParticipating) all it takes part in. */
export const regionTrials = (
  region: { code: string },
  args: RegionFieldArgs,
  ctx: SubgraphContext,
  info: GraphQLResolveInfo,
) =>
  regionPage(
    trials,
    region.code,
    { region: region.code, phase: args.phase ?? undefined, status: args.status ?? undefined },
    args,
    ctx,
    info,
  );
