import type {
  AlfRegionRecord,
  MedicalFacultyRecord,
  RegionalCancerCentreRecord,
  ResearchStrategyRecord,
  TeachingSiteRecord,
  UniversityRecord,
} from '../../datagen/domains/forskning/records.js';
import {
  byKeys,
  knownIdArg,
  regionCodeArg,
  type SubgraphContext,
  type SubgraphResolvers,
  yearArg,
} from '../kit/index.js';
import { nationalData } from './national.js';

/** Resolvers of the real, public reference data: universities, faculties, ALF, RCCs, strategies. */

const byId = byKeys<{ id: string }>((x) => x.id);

/** Faculties educating doctors in a region: home region, satellite site or VFU region. */
export function facultyTeachesIn(faculty: MedicalFacultyRecord, code: string): boolean {
  return (
    faculty.linkedRegionCode === code ||
    faculty.vfuRegionCodes.includes(code) ||
    faculty.satelliteSites.some((s) => s.regionCode === code)
  );
}

export const referenceQuery = {
  universities: async (_: unknown, _args: unknown, ctx: SubgraphContext) =>
    [...(await nationalData(ctx)).universities].sort(byId),
  university: async (_: unknown, args: { id: string }, ctx: SubgraphContext) =>
    (await nationalData(ctx)).universityById.get(args.id) ?? null,
  medicalFaculties: async (_: unknown, args: { region?: string | null }, ctx: SubgraphContext) => {
    const region = regionCodeArg(args.region, 'region');
    const faculties = (await nationalData(ctx)).medicalFaculties;
    return faculties.filter((f) => region === undefined || facultyTeachesIn(f, region)).sort(byId);
  },
  alfRegions: async (_: unknown, _args: unknown, ctx: SubgraphContext) =>
    [...(await nationalData(ctx)).alfRegions].sort(byKeys((a) => a.regionCode)),
  regionalCancerCentres: async (_: unknown, _args: unknown, ctx: SubgraphContext) =>
    [...(await nationalData(ctx)).regionalCancerCentres].sort(
      byKeys<RegionalCancerCentreRecord>(
        (r) => r.healthcareRegionId,
        (r) => r.id,
      ),
    ),
  researchStrategies: async (
    _: unknown,
    args: { healthcareRegion?: string | null; activeInYear?: number | null },
    ctx: SubgraphContext,
  ) => {
    const national = await nationalData(ctx);
    const healthcareRegion = knownIdArg(
      args.healthcareRegion,
      'healthcareRegion',
      national.healthcareRegionById,
      'a healthcare region id',
    );
    const year = yearArg(args.activeInYear, 'activeInYear');
    return national.researchStrategies
      .filter(
        (s) =>
          (healthcareRegion === undefined || s.healthcareRegionId === healthcareRegion) &&
          (year === undefined || (s.periodStart <= year && year <= s.periodEnd)),
      )
      .sort(sortStrategies);
  },
};

export const sortStrategies = byKeys<ResearchStrategyRecord>(
  (s) => s.healthcareRegionId,
  (s) => s.periodStart,
  (s) => s.id,
);

export const referenceTypes: SubgraphResolvers = {
  University: {
    __resolveReference: async (ref: { id: string }, ctx: SubgraphContext) =>
      (await nationalData(ctx)).universityById.get(ref.id) ?? null,
    medicalFaculty: async (u: UniversityRecord, _args: unknown, ctx: SubgraphContext) =>
      (await nationalData(ctx)).facultyById.get(u.facultyId),
    universityHospitals: (u: UniversityRecord) => u.universityHospitalIds.map((id) => ({ id })),
    alfRegion: async (u: UniversityRecord, _args: unknown, ctx: SubgraphContext) =>
      u.alfRegionCode ? ((await nationalData(ctx)).alfByRegion.get(u.alfRegionCode) ?? null) : null,
  },
  MedicalFaculty: {
    university: async (f: MedicalFacultyRecord, _args: unknown, ctx: SubgraphContext) =>
      (await nationalData(ctx)).universityById.get(f.universityId),
    linkedRegion: (f: MedicalFacultyRecord) => ({ code: f.linkedRegionCode }),
    universityHospital: (f: MedicalFacultyRecord) =>
      f.universityHospitalId ? { id: f.universityHospitalId } : null,
    vfuRegions: (f: MedicalFacultyRecord) => f.vfuRegionCodes.map((code) => ({ code })),
  },
  FacultyTeachingSite: {
    region: (site: TeachingSiteRecord) => ({ code: site.regionCode }),
  },
  AlfRegion: {
    region: (a: AlfRegionRecord) => ({ code: a.regionCode }),
    university: async (a: AlfRegionRecord, _args: unknown, ctx: SubgraphContext) =>
      (await nationalData(ctx)).universityById.get(a.universityId),
    universityHospital: (a: AlfRegionRecord) => ({ id: a.universityHospitalId }),
  },
  RegionalCancerCentre: {
    healthcareRegion: (r: RegionalCancerCentreRecord) => ({ id: r.healthcareRegionId }),
    hostRegion: (r: RegionalCancerCentreRecord) => (r.hostRegionCode ? { code: r.hostRegionCode } : null),
  },
  ResearchStrategy: {
    healthcareRegion: (s: ResearchStrategyRecord) => ({ id: s.healthcareRegionId }),
  },
};
