import { loadReference } from '../../datagen/reference.js';

/**
 * Representations to send to `_entities` per entity type: every real key the hub knows for the
 * backbone entities, plus one unknown key each (must resolve to null, not crash).
 */
export function knownKeys(typename: string): Array<Record<string, string>> | undefined {
  const ref = loadReference();
  switch (typename) {
    case 'Region':
      return ref.regions.map((r) => ({ code: r.countyCode }));
    case 'HealthcareRegion':
      return ref.healthcareRegions.map((h) => ({ id: h.id }));
    case 'Municipality':
      // Örebro län (seed) and Halland (split between two sjukvårdsregioner) cover the special cases.
      return ref.municipalities
        .filter((m) => m.countyCode === '18' || m.countyCode === '13')
        .map((m) => ({ code: m.code }));
    case 'Hospital':
      return ref.hospitals.map((h) => ({ id: h.id }));
    case 'CollaborationAgreement':
      return [
        { id: 'mellansverige-samverkansavtal-2021' },
        { id: 'blekinge-kronoberg-samverkansavtal' },
        { id: 'vastra-vgr-halland-samverkansavtal' },
      ];
    case 'CollaborationBody':
      return [{ id: 'mellansverige-samverkansnamnden' }, { id: 'sodra-ledningsgrupp' }];
    case 'University':
      return [
        'karolinska-institutet',
        'uppsala-universitet',
        'orebro-universitet',
        'linkopings-universitet',
        'lunds-universitet',
        'goteborgs-universitet',
        'umea-universitet',
      ].map((id) => ({ id }));
    default:
      return undefined;
  }
}

export const UNKNOWN_KEY_VALUE = 'no-such-key-99';
