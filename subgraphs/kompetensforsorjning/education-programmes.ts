import {
  byKeys,
  type PageArgs,
  paginate,
  regionCodeArg,
  type SourceRecord,
  type SubgraphContext,
} from '../kit/index.js';
import { healthcareRegionMembers } from './lookups.js';

/** Gemensamma utbildningsprogram — joint education programmes (real, national collection). */

interface ProgrammeArgs extends PageArgs {
  healthcareRegion?: string | null;
  region?: string | null;
  postType?: string | null;
}

const order = byKeys<SourceRecord>((p) => String(p.id));

async function programmes(ctx: SubgraphContext, args: ProgrammeArgs) {
  regionCodeArg(args.region, 'region');
  const [records] = await Promise.all([
    ctx.data.national('educationProgrammes'),
    args.healthcareRegion ? healthcareRegionMembers(ctx, args.healthcareRegion) : undefined,
  ]);
  const matching = records.filter(
    (p) =>
      (!args.healthcareRegion || p.healthcareRegion === args.healthcareRegion) &&
      (!args.region || (p.memberRegions as string[]).includes(args.region)) &&
      (!args.postType || (p.postTypes as string[]).includes(args.postType)),
  );
  return paginate(matching, args, order);
}

export const educationProgrammesQuery = (_root: unknown, args: ProgrammeArgs, ctx: SubgraphContext) =>
  programmes(ctx, args);

export const healthcareRegionProgrammes = (
  parent: { id: string },
  args: ProgrammeArgs,
  ctx: SubgraphContext,
) => programmes(ctx, { ...args, healthcareRegion: parent.id });

export const EducationProgramme = {
  healthcareRegion: (p: SourceRecord) => ({ id: p.healthcareRegion }),
  memberRegions: (p: SourceRecord) => (p.memberRegions as string[]).map((code) => ({ code })),
};
