import { readFileSync } from 'node:fs';
import { projectPath } from '../../../core/paths.js';

/** Curated real facts of the kompetensforsorjning domain (`data/facts/kompetensforsorjning/*.json`). */

export interface FactSource {
  document: string;
  urls: string[];
  date: string | null;
  confidence: string;
  verified: boolean;
  note?: string;
}

export interface NamedFact {
  id: string;
  name: string;
  nameEn: string;
}

export interface ProgrammeFact {
  id: string;
  name: string;
  nameEn: string;
  healthcareRegion: string;
  memberRegions: string[];
  postTypes: string[];
  status: string;
  collaboration: string;
  activities: string[];
  quote: string;
  source: string;
}

export interface ExchangeFact {
  id: string;
  fromRegion: string;
  toRegion: string;
  profession: string;
  specialty: string | null;
  focus: string | null;
  purpose: string;
  healthcareRegion: string | null;
  collaboration: string | null;
  year: number | null;
  count: number | null;
  countNote: string | null;
  quote: string;
  source: string;
}

function read<T>(file: string): T {
  return JSON.parse(readFileSync(projectPath('data', 'facts', 'kompetensforsorjning', file), 'utf8')) as T;
}

/** One provenance line for a record: document, URLs and the compilation note. */
export function sourceLine(source: FactSource): string {
  const urls = source.urls.length > 0 ? ` (${source.urls.join(', ')})` : '';
  return `${source.document}${urls}${source.note ? `. ${source.note}` : ''}`;
}

export interface KompetensFacts {
  professions: { source: FactSource; professions: NamedFact[] };
  specialties: { source: FactSource; specialties: NamedFact[] };
  programmes: { source: FactSource; programmes: ProgrammeFact[] };
  exchanges: { source: FactSource; exchanges: ExchangeFact[] };
}

let cached: KompetensFacts | undefined;

export function loadFacts(): KompetensFacts {
  cached ??= {
    professions: read('professions.json'),
    specialties: read('medical-specialties.json'),
    programmes: read('education-programmes.json'),
    exchanges: read('staff-exchanges.json'),
  };
  return cached;
}
