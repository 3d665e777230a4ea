import { readFileSync } from 'node:fs';
import { projectPath } from '../core/paths.js';

/** Typed views of the real reference files in `data/reference` (see its README for sources). */

export interface RegionRef {
  countyCode: string;
  countyName: string;
  officialName: string;
  shortName: string;
  countyLetter: string;
  healthcareRegion: string;
  healthcareRegionsAll: string[];
  municipalityCount: number;
  koladaId: string;
  socialstyrelsenRegionId: number;
  vantetiderRegionId?: number;
  note?: string;
}

export interface HealthcareRegionRef {
  id: string;
  name: string;
  nameEn: string;
  members: string[];
  partialMembers?: Record<string, string[]>;
  collaborationBody: string;
  collaborationBodyConfidence?: string;
  universityHospitals: string[];
  regionalCancerCentre: string;
  formerNames?: string[];
  note?: string;
  municipalityCount: number;
}

export interface MunicipalityRef {
  code: string;
  name: string;
  countyCode: string;
}

export interface HospitalRef {
  id: string;
  name: string;
  regionCode: string;
  city: string;
  sites: string[];
  level: 'UNIVERSITY' | 'COUNTY' | 'SPECIALIST';
  aliases: string[];
  sources: string[];
  verified: boolean;
  note?: string;
}

export interface NhvDecisionRef {
  id: string;
  careArea: string;
  careAreaEn: string;
  origin?: string;
  unitsDecided?: number | null;
  permitHolders: Array<{ region: string; countyCode: string; hospital?: string | null }>;
  holdersComplete?: boolean;
  decisionDate?: string | null;
  validFrom?: string | null;
  verified: boolean;
  sources: string[];
  notes?: string;
}

export interface SourceBlock {
  summary?: string;
  urls?: string[];
  confidence?: string;
  [key: string]: unknown;
}

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(projectPath('data', 'reference', name), 'utf8')) as T;
}

export interface Reference {
  regions: RegionRef[];
  regionsSource: SourceBlock;
  healthcareRegions: HealthcareRegionRef[];
  municipalities: MunicipalityRef[];
  municipalitiesSource: SourceBlock;
  hospitals: HospitalRef[];
  hospitalsSource: SourceBlock;
  nhvDecisions: NhvDecisionRef[];
  nhvSource: SourceBlock;
  universityHospitals: Record<string, unknown>;
}

let cached: Reference | undefined;

export function loadReference(): Reference {
  if (cached) return cached;
  const regions = readJson<{
    source: SourceBlock;
    regions: RegionRef[];
    healthcareRegions: HealthcareRegionRef[];
  }>('regions.json');
  const hospitals = readJson<{ source: SourceBlock; hospitals: HospitalRef[] }>('hospitals.json');
  const nhv = readJson<{ source: SourceBlock; decisions: NhvDecisionRef[] }>('nhv-decisions.json');
  cached = {
    regions: regions.regions,
    regionsSource: regions.source,
    healthcareRegions: regions.healthcareRegions,
    municipalities: readJson<MunicipalityRef[]>('municipalities.json'),
    municipalitiesSource: readJson<SourceBlock>('municipalities.source.json'),
    hospitals: hospitals.hospitals,
    hospitalsSource: hospitals.source,
    nhvDecisions: nhv.decisions,
    nhvSource: nhv.source,
    universityHospitals: readJson<Record<string, unknown>>('university-hospitals.json'),
  };
  return cached;
}

/** Hospital slug for a name as written in a source ("Skånes universitetssjukhus (Lund)" → "sus"). */
export function hospitalIdFor(name: string, reference: Reference = loadReference()): string | undefined {
  const wanted = name.trim().toLowerCase();
  return reference.hospitals.find(
    (h) => h.name.toLowerCase() === wanted || h.aliases.some((a) => a.toLowerCase() === wanted),
  )?.id;
}

/** Region code (länskod) for an official name ("Region Blekinge" → "10"). */
export function regionCodeFor(name: string, reference: Reference = loadReference()): string | undefined {
  return reference.regions.find((r) => r.officialName === name || r.shortName === name)?.countyCode;
}
