import type { GraphQLResolveInfo } from 'graphql';
import { badInput } from '../../core/errors.js';
import {
  byKeys,
  type PageArgs,
  paginate,
  paginateCollected,
  reportPartial,
  type SourceRecord,
  type SubgraphContext,
  suppress,
} from '../kit/index.js';
import { checkRegion, checkYear, filterOf } from './args.js';
import { regionScope, requireSpecialty, specialtyOf } from './lookups.js';

/** Utbildningstjänster — SYNTHETIC AT/BT/ST posts per region × year (× specialty for ST). */

interface TrainingPostArgs extends PageArgs {
  year?: number | null;
  region?: string | null;
  healthcareRegion?: string | null;
  postType?: string | null;
  specialty?: string | null;
}

type Post = SourceRecord & { count: number | null; suppressed: boolean };

function post(record: SourceRecord, threshold: number): Post {
  return { ...record, ...suppress(Number(record.count), threshold) };
}

const order = byKeys<Post>(
  (p) => String(p.region),
  (p) => Number(p.year),
  (p) => String(p.postType),
  (p) => (p.specialty === null ? null : String(p.specialty)),
);

function filterFor(args: TrainingPostArgs) {
  checkYear(args.year);
  if (args.specialty && args.postType && args.postType !== 'ST') {
    throw badInput(
      `specialty applies to ST posts only; ${args.postType} posts have no specialty (omit postType or use ST)`,
      'specialty',
    );
  }
  // A specialty selects ST cells only (AT and BT have no specialty).
  return filterOf({
    year: args.year,
    postType: args.specialty ? 'ST' : args.postType,
    specialty: args.specialty,
  });
}

export async function trainingPostsQuery(
  _root: unknown,
  args: TrainingPostArgs,
  ctx: SubgraphContext,
  info: GraphQLResolveInfo,
) {
  checkRegion(ctx, args.region);
  const filter = filterFor(args);
  const [collected] = await Promise.all([
    regionScope(ctx, args).then((regions) => ctx.data.collect('trainingPosts', { regions, filter })),
    requireSpecialty(ctx, args.specialty),
  ]);
  reportPartial(ctx, info, collected.errors);
  const threshold = ctx.suppressionThreshold;
  return paginateCollected(collected, (records) => records.map((r) => post(r, threshold)), args, order);
}

export async function regionTrainingPosts(
  parent: { code: string },
  args: TrainingPostArgs,
  ctx: SubgraphContext,
) {
  const filter = filterFor(args);
  const [records] = await Promise.all([
    ctx.data.region(parent.code, 'trainingPosts', filter),
    requireSpecialty(ctx, args.specialty),
  ]);
  const threshold = ctx.suppressionThreshold;
  return paginate(
    records.map((r) => post(r, threshold)),
    args,
    order,
  );
}

export const TrainingPost = {
  region: (post: SourceRecord) => ({ code: post.region }),
  specialty: (post: SourceRecord, _args: unknown, ctx: SubgraphContext) => specialtyOf(ctx, post.specialty),
};
