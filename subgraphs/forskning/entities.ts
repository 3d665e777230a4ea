import type { GraphQLResolveInfo } from 'graphql';
import { byKeys, regionReference, type SubgraphContext, type SubgraphResolvers } from '../kit/index.js';
import { nationalData } from './national.js';
import { regionProjects } from './projects.js';
import { facultyTeachesIn, sortStrategies } from './reference.js';
import { regionTrials } from './trials.js';

/** The backbone entities (owned by samverkan) with the fields the forskning subgraph adds. */
export const entityResolvers: SubgraphResolvers = {
  Region: {
    // One of the 21 länskoder; no source call is needed.
    __resolveReference: regionReference,
    researchProjects: regionProjects,
    clinicalTrials: regionTrials,
    medicalFaculties: async (region: { code: string }, _args: unknown, ctx: SubgraphContext) =>
      (await nationalData(ctx)).medicalFaculties
        .filter((f) => facultyTeachesIn(f, region.code))
        .sort(byKeys((f) => f.id)),
    alfRegion: async (region: { code: string }, _args: unknown, ctx: SubgraphContext) =>
      (await nationalData(ctx)).alfByRegion.get(region.code) ?? null,
  },
  HealthcareRegion: {
    __resolveReference: async (ref: { id: string }, ctx: SubgraphContext) =>
      (await nationalData(ctx)).healthcareRegionById.has(ref.id) ? { id: ref.id } : null,
    regionalCancerCentre: async (hr: { id: string }, _args: unknown, ctx: SubgraphContext) =>
      (await nationalData(ctx)).regionalCancerCentres.find((r) => r.healthcareRegionId === hr.id) ?? null,
    researchStrategies: async (hr: { id: string }, _args: unknown, ctx: SubgraphContext) =>
      (await nationalData(ctx)).researchStrategies
        .filter((s) => s.healthcareRegionId === hr.id)
        .sort(sortStrategies),
  },
  Hospital: {
    __resolveReference: async (ref: { id: string }, ctx: SubgraphContext) =>
      (await nationalData(ctx)).hospitalById.has(ref.id) ? { id: ref.id } : null,
    university: async (
      h: { id: string },
      _args: unknown,
      ctx: SubgraphContext,
      _info: GraphQLResolveInfo,
    ) => {
      const national = await nationalData(ctx);
      const universityId = national.hospitalById.get(h.id)?.universityId;
      return universityId ? (national.universityById.get(universityId) ?? null) : null;
    },
  },
};
