import { indexBy, knownIdArg, type SourceRecord, type SubgraphContext, slugArg } from '../kit/index.js';

/** National reference lookups (professions, specialties, healthcare regions); memoised per request. */

async function index(ctx: SubgraphContext, collection: string): Promise<ReadonlyMap<unknown, SourceRecord>> {
  return indexBy(await ctx.data.national(collection), 'id');
}

export const professionById = async (ctx: SubgraphContext, id: string) =>
  (await index(ctx, 'professions')).get(id);
export const specialtyById = async (ctx: SubgraphContext, id: string) =>
  (await index(ctx, 'medicalSpecialties')).get(id);

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

/** An id argument that must name a record of a national collection: slug form, then known. */
async function requireKnown(
  ctx: SubgraphContext,
  collection: string,
  id: string | null | undefined,
  name: string,
  example: string,
  what: string,
): Promise<void> {
  if (id === null || id === undefined) return;
  slugArg(id, name, example);
  knownIdArg(id, name, await index(ctx, collection), what);
}

export const requireProfession = (ctx: SubgraphContext, id: string | null | undefined) =>
  requireKnown(
    ctx,
    'professions',
    id,
    'profession',
    'lakare',
    'the id of one of the 22 legitimation professions',
  );

export const requireSpecialty = (ctx: SubgraphContext, id: string | null | undefined) =>
  requireKnown(
    ctx,
    'medicalSpecialties',
    id,
    'specialty',
    'ortopedi',
    'the id of a medical specialty (see medicalSpecialties)',
  );

/** Member länskoder of a healthcare region; bad input when there is none with that id. */
export async function healthcareRegionMembers(ctx: SubgraphContext, id: string): Promise<string[]> {
  slugArg(id, 'healthcareRegion', 'sodra');
  const regions = await index(ctx, 'healthcareRegions');
  knownIdArg(id, 'healthcareRegion', regions, 'the id of one of the six sjukvårdsregioner');
  return [...(regions.get(id)!.members as string[])];
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
