import { readFileSync } from 'node:fs';
import { projectPath } from '../../../core/paths.js';

/** Typed views of the curated real facts in `data/facts/hogspecialiserad-vard` (each with a source block). */

export interface SourceDocumentFact {
  id: string;
  title: string;
  publisher: string;
  kind: string;
  date: string | null;
  url: string | null;
  seedFile: string;
  note?: string;
}

export interface CareAgreementFact {
  id: string;
  kind: 'BILATERAL_AGREEMENT' | 'HEALTHCARE_REGION_SUBPROJECT';
  title: string;
  titleEn: string;
  careAreas: string[];
  services: string[];
  servicesComplete: boolean;
  providerRegion: string;
  providerHospital: string | null;
  hospitalStated: boolean;
  patientRegions: string[];
  catchmentRegions: string[];
  participatingRegions: string[];
  patientArea: string | null;
  healthcareRegion: string;
  signedYear: number | null;
  summary: string;
  notes: string;
  document: string;
  excerpt: string;
}

export interface CareAreaFact {
  id: string;
  name: string;
  nameEn: string;
  source: string;
}

function readFacts<T>(name: string): T {
  return JSON.parse(readFileSync(projectPath('data', 'facts', 'hogspecialiserad-vard', name), 'utf8')) as T;
}

export function careAgreementFacts() {
  return readFacts<{
    source: { documents: SourceDocumentFact[] };
    agreements: CareAgreementFact[];
  }>('care-agreements.json');
}

export function careAreaFacts(): CareAreaFact[] {
  return readFacts<{ careAreas: CareAreaFact[] }>('care-areas.json').careAreas;
}
