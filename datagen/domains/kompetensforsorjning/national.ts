import type { GenContext } from '../../types.js';
import { loadFacts, sourceLine } from './facts.js';

/** National (public, real) records: professions, specialties, joint programmes, healthcare regions. */
export function nationalRecords(context: GenContext): Record<string, Array<Record<string, unknown>>> {
  const facts = loadFacts();
  const professionSource = sourceLine(facts.professions.source);
  const specialtySource = sourceLine(facts.specialties.source);
  return {
    professions: facts.professions.professions.map((p) => ({
      ...p,
      legalBasis: 'Patientsäkerhetslagen (2010:659) 4 kap. 1 §',
      verified: facts.professions.source.verified,
      source: professionSource,
      synthetic: false,
    })),
    medicalSpecialties: facts.specialties.specialties.map((s) => ({
      ...s,
      verified: facts.specialties.source.verified,
      source: specialtySource,
      synthetic: false,
    })),
    educationProgrammes: facts.programmes.programmes.map((p) => ({
      ...p,
      memberRegions: [...p.memberRegions].sort(),
      synthetic: false,
    })),
    healthcareRegions: context.reference.healthcareRegions.map((h) => ({
      id: h.id,
      name: h.name,
      members: [...h.members].sort(),
      source:
        'data/reference/regions.json (sjukvårdsregionernas webbplatser, hälso- och sjukvårdsförordningen 2017:80)',
      synthetic: false,
    })),
  };
}
