import { readFileSync } from 'node:fs';
import { projectPath } from '../../../core/paths.js';
import type { CollaborationBodyKind, SubjectAreaRecord } from './records.js';

/** Typed views of the curated facts in `data/facts/samverkan` (each file has its `source` block). */

interface SeedDocument {
  id: string;
  title: string;
  publisher: string;
  kind: string;
  date: string | null;
  file: string;
  note: string | null;
}

export interface AgreementFact {
  id: string;
  title: string;
  partyRegionCodes: string[];
  healthcareRegionId: string | null;
  collaborationBodyId: string | null;
  period: {
    fromYear: number | null;
    toYear: number | null;
    startDate: string | null;
    endDate: string | null;
    note: string | null;
  };
  confirmedInForceOn: string | null;
  extensionOption: boolean | null;
  extensionNote: string | null;
  subjectAreaIds: string[];
  subjectAreasComplete: boolean;
  contents: string[];
  purpose: string | null;
  notes: string[];
  sources: string[];
}

export type BodyFact = {
  id: string;
  name: string;
  kind: CollaborationBodyKind;
  healthcareRegionId: string | null;
  memberRegionCodes: string[];
  programme: string | null;
  description: string | null;
  verified: boolean;
  note: string | null;
  sources: string[];
};

export interface HealthcareRegionBodyFact {
  healthcareRegionId: string;
  id: string;
  kind: CollaborationBodyKind;
  description: string | null;
  sources: string[];
}

export interface ActivityPlanFact {
  id: string;
  title: string;
  agreementId: string;
  adoptedByBodyId: string | null;
  fromYear: number;
  toYear: number;
  description: string | null;
  note: string | null;
  sources: string[];
  items: Array<{ text: string; ocrText: string; reference: string | null }>;
}

export type ProjectFact = {
  id: string;
  name: string;
  programme: string | null;
  healthcareRegionId: string | null;
  participantRegionCodes: string[];
  hospitalIds: string[];
  status: string | null;
  description: string | null;
  note: string | null;
  sources: string[];
};

export interface SamverkanFacts {
  documents: SeedDocument[];
  subjectAreas: SubjectAreaRecord[];
  agreements: AgreementFact[];
  healthcareRegionBodies: HealthcareRegionBodyFact[];
  bodies: BodyFact[];
  plans: ActivityPlanFact[];
  projects: ProjectFact[];
  /** Kommunkod → note on how sources spell the municipality (with its citation). */
  municipalityNotes: ReadonlyMap<string, string>;
}

function readFact<T>(name: string): T {
  return JSON.parse(readFileSync(projectPath('data', 'facts', 'samverkan', name), 'utf8')) as T;
}

export function loadSamverkanFacts(): SamverkanFacts {
  const agreements = readFact<{ subjectAreas: SubjectAreaRecord[]; agreements: AgreementFact[] }>(
    'agreements.json',
  );
  const bodies = readFact<{ healthcareRegionBodies: HealthcareRegionBodyFact[]; bodies: BodyFact[] }>(
    'collaboration-bodies.json',
  );
  const facts: Omit<SamverkanFacts, 'municipalityNotes'> = {
    documents: readFact<{ documents: SeedDocument[] }>('documents.json').documents,
    subjectAreas: agreements.subjectAreas,
    agreements: agreements.agreements,
    healthcareRegionBodies: bodies.healthcareRegionBodies,
    bodies: bodies.bodies,
    plans: readFact<{ plans: ActivityPlanFact[] }>('activity-plans.json').plans,
    projects: readFact<{ projects: ProjectFact[] }>('projects.json').projects,
  };
  const cite = citer(facts);
  const notes = readFact<{ notes: Array<{ code: string; note: string; sources: string[] }> }>(
    'municipality-notes.json',
  ).notes;
  return {
    ...facts,
    municipalityNotes: new Map(
      notes.map((n) => [n.code, `${n.note} Source: ${n.sources.map(cite).join('; ')}`]),
    ),
  };
}

/**
 * Source citations: a seed document id (`seed-001`) becomes its publisher, title, date and file;
 * anything else is kept as written (a reference file or URL).
 */
export function citer(facts: Pick<SamverkanFacts, 'documents'>): (source: string) => string {
  const byId = new Map(facts.documents.map((d) => [d.id, d]));
  return (source) => {
    const doc = byId.get(source);
    if (!doc) {
      if (/^seed-/.test(source)) throw new Error(`unknown seed document ${source}`);
      return source;
    }
    const date = doc.date ? `, ${doc.date}` : '';
    const note = doc.note ? `; ${doc.note}` : '';
    return `${doc.publisher}, ${doc.kind} "${doc.title}"${date} (${doc.file}${note})`;
  };
}
