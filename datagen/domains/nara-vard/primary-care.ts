import type { GenContext } from '../../types.js';

/**
 * SYNTHETIC primary care units (vårdcentraler) per municipality: name, operator, listed patients.
 * Municipalities with codes xx80–xx89 (mostly the larger towns) get more units. About one unit in
 * twenty is newly opened with few listed patients, so small-cell suppression is exercised.
 */

const SUFFIXES = [
  'Centrum',
  'Norr',
  'Söder',
  'Väster',
  'Öster',
  'Brunnen',
  'Parken',
  'Torget',
  'Ängen',
  'Hamnen',
  'Skogen',
  'Backen',
  'Bron',
  'Dalen',
  'Åsen',
  'Sjöstaden',
];

export const LISTING_MONTH = '2024-12';

export function primaryCareUnits(context: GenContext): Record<string, Array<Record<string, unknown>>> {
  const random = context.random('nara-vard:primary-care-units');
  const factor = context.scale === 'large' ? 3 : 1;
  const out: Record<string, Array<Record<string, unknown>>> = {};
  for (const region of context.reference.regions) out[region.countyCode] = [];
  for (const m of context.reference.municipalities) {
    const town = /^\d\d8\d$/.test(m.code);
    const count = factor * (town ? random.int(4, 12) : random.int(1, 3));
    const used = new Set<string>();
    for (let n = 1; n <= count; n++) {
      let suffix = random.pick(SUFFIXES);
      while (used.has(suffix) && used.size < SUFFIXES.length) suffix = random.pick(SUFFIXES);
      const label = used.has(suffix) ? `${suffix} ${n}` : suffix;
      used.add(suffix);
      const privateOperator = random.chance(0.35);
      const newlyOpened = random.chance(0.05);
      const listed = newlyOpened
        ? Math.floor(random.next() ** 2 * 40)
        : Math.max(800, Math.round(random.normal(town ? 9000 : 5500, 2000)));
      out[m.countyCode]!.push({
        id: `${m.code}-vc-${String(n).padStart(2, '0')}`,
        name: `${privateOperator ? 'Läkarhuset' : 'Vårdcentralen'} ${m.name} ${label}`,
        regionCode: m.countyCode,
        municipalityCode: m.code,
        operator: privateOperator ? 'PRIVATE' : 'PUBLIC',
        openedYear: newlyOpened ? 2024 : random.int(1975, 2023),
        listedPatients: listed,
        listingMonth: LISTING_MONTH,
        source: context.syntheticSource,
        synthetic: true,
      });
    }
  }
  return out;
}
