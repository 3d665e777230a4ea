import { badInput } from '../../core/errors.js';
import type { SourceRecord, SubgraphContext } from '../kit/index.js';
import { checkSlug } from './args.js';

/** National reference lookups (professions, specialties, healthcare regions); memoised per request. */

async function byId(ctx: SubgraphContext, collection: string, id: string): Promise<SourceRecord | undefined> {
  return (await ctx.data.national(collection)).find((record) => record.id === id);
}

export const professionById = (ctx: SubgraphContext, id: string) => byId(ctx, 'professions', id);
export const specialtyById = (ctx: SubgraphContext, id: string) => byId(ctx, 'medicalSpecialties', id);

/** Resolves a record's profession id to the Profession (non-null in the schema). */
export async function professionOf(ctx: SubgraphContext, id: unknown): Promise<SourceRecord> {
  const found = await professionById(ctx, String(id));
  if (!found) throw new Error(`unknown profession id ${String(id)} in the dataset`);
  return found;
}

export async function specialtyOf(ctx: SubgraphContext, id: unknown): Promise<SourceRecord | null> {
  if (id === null || id === undefined) return null;
  return (await specialtyById(ctx, String(id))) ?? null;
}

export async function requireProfession(ctx: SubgraphContext, id: string | null | undefined): Promise<void> {
  if (id === null || id === undefined) return;
  checkSlug(id, 'profession', 'lakare');
  if (!(await professionById(ctx, id))) {
    throw badInput(
      `profession must be the id of one of the 22 legitimation professions, e.g. "lakare", got "${id}"`,
      'profession',
    );
  }
}

export async function requireSpecialty(ctx: SubgraphContext, id: string | null | undefined): Promise<void> {
  if (id === null || id === undefined) return;
  checkSlug(id, 'specialty', 'ortopedi');
  if (!(await specialtyById(ctx, id))) {
    throw badInput(
      `specialty must be the id of a medical specialty (see medicalSpecialties), e.g. "ortopedi", got "${id}"`,
      'specialty',
    );
  }
}

/** Member länskoder of a healthcare region; bad input when there is none with that id. */
export async function healthcareRegionMembers(ctx: SubgraphContext, id: string): Promise<string[]> {
  checkSlug(id, 'healthcareRegion', 'sodra');
  const found = await byId(ctx, 'healthcareRegions', id);
  if (!found) {
    throw badInput(
      `healthcareRegion must be the id of one of the six sjukvårdsregioner, e.g. "sodra", got "${id}"`,
      'healthcareRegion',
    );
  }
  return [...(found.members as string[])];
}

/** The regions a fan-out reads: one region, a healthcare region's members, or all. */
export async function regionScope(
  ctx: SubgraphContext,
  args: { region?: string | null; healthcareRegion?: string | null },
): Promise<readonly string[]> {
  let regions = ctx.data.regions();
  if (args.healthcareRegion) {
    const members = await healthcareRegionMembers(ctx, args.healthcareRegion);
    regions = regions.filter((code) => members.includes(code));
  }
  if (args.region) regions = regions.filter((code) => code === args.region);
  return regions;
}
