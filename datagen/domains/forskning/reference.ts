import { readFileSync } from 'node:fs';
import { projectPath } from '../../../core/paths.js';
import type { Reference } from '../../reference.js';

/** Typed view of data/reference/university-hospitals.json (real, public; see its `source`). */
export interface UniversityHospitalsRef {
  source: { summary: string; urls: string[]; confidence: string };
  alfAgreement: { description: string; regions: string[] };
  universityHospitals: Array<{
    id: string;
    name: string;
    countyCode: string;
    healthcareRegion: string;
    university: string;
    faculty: string;
    note?: string;
  }>;
  medicalFaculties: Array<{
    university: string;
    city: string;
    linkedRegion: string;
    satelliteSites?: string[];
    vfuRegions?: string[];
  }>;
  regionalCancerCentres: Array<{
    name: string;
    formerName?: string;
    healthcareRegion: string;
    hostRegion: string;
  }>;
  rccNote: string;
}

export function universityHospitalsRef(reference: Reference): UniversityHospitalsRef {
  return reference.universityHospitals as unknown as UniversityHospitalsRef;
}

/** Curated facts of data/facts/forskning/research-strategies.json (from the seed documents). */
export interface StrategyFacts {
  source: {
    summary: string;
    documents: Array<{ id: string; title: string; url: string | null; seedFile: string }>;
    confidence: string;
  };
  strategies: Array<{
    id: string;
    title: string;
    healthcareRegion: string;
    periodStart: number;
    periodEnd: number;
    documentUrl: string;
    contentNote: string;
    followUps: PlanTaskFact[];
  }>;
  regionalCancerCentreTasks: Array<PlanTaskFact & { healthcareRegion: string }>;
}

export interface PlanTaskFact {
  plan: string;
  decidedBy: string;
  periodStart: number;
  periodEnd: number;
  task: string;
}

export function strategyFacts(): StrategyFacts {
  return JSON.parse(
    readFileSync(projectPath('data', 'facts', 'forskning', 'research-strategies.json'), 'utf8'),
  ) as StrategyFacts;
}

/** URL-safe slug of a Swedish name ("Örebro universitet" → "orebro-universitet"). */
export function slug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
