import type { GraphQLResolveInfo } from 'graphql';
import { badInput } from '../../core/errors.js';
import {
  byKeys,
  filterOf,
  type PageArgs,
  regionCodeArg,
  type SourceRecord,
  type SubgraphContext,
  suppress,
} from '../kit/index.js';
import { checkYear } from './args.js';
import { type CellCollection, regionCells, scopedCells } from './cells.js';
import { requireSpecialty, specialtyOf } from './lookups.js';

/** Utbildningstjänster — SYNTHETIC AT/BT/ST posts per region × year (× specialty for ST). */

interface TrainingPostArgs extends PageArgs {
  year?: number | null;
  region?: string | null;
  healthcareRegion?: string | null;
  postType?: string | null;
  specialty?: string | null;
}

type Post = SourceRecord & { count: number | null; suppressed: boolean };

const posts: CellCollection<Post> = {
  collection: 'trainingPosts',
  cell: (record, threshold) => ({ ...record, ...suppress(Number(record.count), threshold) }),
  order: byKeys<Post>(
    (p) => String(p.region),
    (p) => Number(p.year),
    (p) => String(p.postType),
    (p) => (p.specialty === null ? null : String(p.specialty)),
  ),
};

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
  regionCodeArg(args.region, 'region');
  const filter = filterFor(args);
  return scopedCells(posts, ctx, info, args, filter, requireSpecialty(ctx, args.specialty));
}

export async function regionTrainingPosts(
  parent: { code: string },
  args: TrainingPostArgs,
  ctx: SubgraphContext,
) {
  const filter = filterFor(args);
  return regionCells(posts, ctx, parent.code, args, filter, requireSpecialty(ctx, args.specialty));
}

export const TrainingPost = {
  region: (post: SourceRecord) => ({ code: post.region }),
  specialty: (post: SourceRecord, _args: unknown, ctx: SubgraphContext) => specialtyOf(ctx, post.specialty),
};
