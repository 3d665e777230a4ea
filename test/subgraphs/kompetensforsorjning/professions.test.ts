import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '../../support/subgraph.js';

let server: TestSubgraph;
beforeAll(async () => {
  server = await startTestSubgraph('kompetensforsorjning');
});
afterAll(() => server.close());

const LEGITIMATION_PROFESSIONS = [
  'Apotekare',
  'Arbetsterapeut',
  'Audionom',
  'Barnmorska',
  'Biomedicinsk analytiker',
  'Dietist',
  'Fysioterapeut',
  'Glasögonoptiker',
  'Hälso- och sjukvårdskurator',
  'Kiropraktor',
  'Logoped',
  'Läkare',
  'Naprapat',
  'Ortopedingenjör',
  'Psykolog',
  'Psykoterapeut',
  'Receptarie',
  'Röntgensjuksköterska',
  'Sjukhusfysiker',
  'Sjuksköterska',
  'Tandhygienist',
  'Tandläkare',
];

interface Profession {
  id: string;
  name: string;
  nameEn: string;
  legalBasis: string;
  verified: boolean;
  source: string;
  synthetic: boolean;
}

describe('legitimation professions', () => {
  it('serves the 22 professions of patientsäkerhetslagen 4 kap. 1 § in Swedish order, with their source', async () => {
    const result = await server.query<{ professions: Profession[] }>(
      '{ professions { id name nameEn legalBasis verified source synthetic } }',
    );
    expect(result.errors).toBeUndefined();
    const professions = result.data!.professions;
    expect(professions.map((p) => p.name)).toEqual(LEGITIMATION_PROFESSIONS);
    for (const p of professions) {
      expect(p.legalBasis).toBe('Patientsäkerhetslagen (2010:659) 4 kap. 1 §');
      expect(p.source).toContain(
        'https://www.socialstyrelsen.se/kunskapsstod-och-regler/regler-och-riktlinjer/legitimation/',
      );
      // Compiled from general knowledge, not re-checked against the live page: said in the data.
      expect(p.source).toMatch(/not re-checked/i);
      expect(p.verified).toBe(false);
      expect(p.synthetic).toBe(false);
      expect(p.id).toMatch(/^[a-z][a-z-]*$/);
      expect(p.nameEn.length).toBeGreaterThan(0);
    }
  });

  it('finds one profession by id and answers null for an unknown id', async () => {
    const result = await server.query<{ a: Profession | null; b: Profession | null }>(
      '{ a: profession(id: "lakare") { name nameEn } b: profession(id: "trollkarl") { name } }',
    );
    expect(result.data).toEqual({ a: { name: 'Läkare', nameEn: 'Physician' }, b: null });
  });

  it('serves a real subset of the medical specialties, Swedish and English', async () => {
    const result = await server.query<{
      medicalSpecialties: Array<{ id: string; name: string; nameEn: string; synthetic: boolean }>;
    }>('{ medicalSpecialties { id name nameEn synthetic source } }');
    const specialties = result.data!.medicalSpecialties;
    expect(specialties.find((s) => s.id === 'ortopedi')).toMatchObject({
      name: 'Ortopedi',
      nameEn: 'Orthopaedics',
      synthetic: false,
    });
    expect(specialties.map((s) => s.name)).toContain('Allmänmedicin');
  });
});
