import { readFileSync } from 'node:fs';
import { projectPath } from '../../../core/paths.js';
import type { Reference } from '../../reference.js';

/** Real facts of the nara-vard domain, read from `data/facts/nara-vard` (each file has a `source`). */

interface FactSource {
  document: string;
  date: string;
  seed: string;
}

interface CollaborationFacts {
  source: FactSource;
  regionCode: string;
  municipalitiesAsWritten: string[];
  nameCorrections: Record<string, string>;
  nameCorrectionNote: string;
  collaborations: Array<{
    id: string;
    kind: string;
    title: string;
    titleEn: string;
    description: string;
    organisations: string[];
    adoptedYear: number | null;
    adoptedPeriod: string | null;
    note: string | null;
  }>;
}

interface DistributionFacts {
  source: FactSource;
  distributions: Array<Record<string, unknown> & { id: string; regionCode: string }>;
}

function readFacts<T>(name: string): T {
  return JSON.parse(readFileSync(projectPath('data', 'facts', 'nara-vard', name), 'utf8')) as T;
}

function sourceLabel(source: FactSource): string {
  return `${source.document} (seed ${source.seed})`;
}

/** Collaboration records per owner region; municipality names from the seed resolved to kommunkoder. */
export function collaborationRecords(reference: Reference): Record<string, Array<Record<string, unknown>>> {
  const facts = readFacts<CollaborationFacts>('orebro-collaboration.json');
  const region = reference.regions.find((r) => r.countyCode === facts.regionCode);
  if (!region) throw new Error(`nara-vard facts: unknown region ${facts.regionCode}`);
  const municipalityCodes = facts.municipalitiesAsWritten
    .map((written) => {
      const name = facts.nameCorrections[written] ?? written;
      const match = reference.municipalities.find(
        (m) => m.countyCode === facts.regionCode && m.name === name,
      );
      if (!match) throw new Error(`nara-vard facts: no municipality "${name}" in län ${facts.regionCode}`);
      return match.code;
    })
    .sort();
  const inCounty = reference.municipalities.filter((m) => m.countyCode === facts.regionCode);
  if (new Set(municipalityCodes).size !== inCounty.length) {
    throw new Error(
      `nara-vard facts: seed names ${municipalityCodes.length} of ${inCounty.length} municipalities`,
    );
  }
  const municipalityParties = municipalityCodes.map((code) => ({
    name: inCounty.find((m) => m.code === code)!.name,
    kind: 'MUNICIPALITY',
    municipalityCode: code,
  }));
  const records = facts.collaborations.map(({ organisations, ...c }) => ({
    ...c,
    regionCode: facts.regionCode,
    municipalityCodes,
    parties: [
      { name: region.officialName, kind: 'REGION', regionCode: region.countyCode },
      ...municipalityParties,
      ...organisations.map((name) => ({ name, kind: 'ORGANISATION' })),
    ],
    note: [c.note, facts.nameCorrectionNote].filter(Boolean).join(' '),
    sourceDate: facts.source.date,
    source: sourceLabel(facts.source),
    synthetic: false,
  }));
  return { [facts.regionCode]: records };
}

/** Resource distributions per owner region, exactly as the press release gives them (totals only). */
export function distributionRecords(): Record<string, Array<Record<string, unknown>>> {
  const facts = readFacts<DistributionFacts>('orebro-vaccine-distribution-2021.json');
  const out: Record<string, Array<Record<string, unknown>>> = {};
  for (const d of facts.distributions) {
    const allocations = d.allocations as Array<{ quantity: number }>;
    const sum = allocations.reduce((total, a) => total + a.quantity, 0);
    if (sum !== d.totalQuantity) throw new Error(`nara-vard facts: ${d.id} allocations sum to ${sum}`);
    const list = out[d.regionCode] ?? [];
    out[d.regionCode] = list;
    list.push({
      ...d,
      sourceDate: facts.source.date,
      source: sourceLabel(facts.source),
      synthetic: false,
    });
  }
  return out;
}
