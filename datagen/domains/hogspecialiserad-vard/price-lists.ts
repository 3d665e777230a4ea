import type { GenContext } from '../../types.js';
import type { CareAreaRecord } from './care-areas.js';

/** Services priced per care area: an inpatient episode and an outpatient visit (synthetic catalogue). */
const SERVICES = [
  {
    code: 'vardtillfalle',
    sv: 'Vårdtillfälle',
    en: 'Inpatient episode',
    unit: 'per vårdtillfälle',
    min: 60_000,
  },
  { code: 'besok', sv: 'Mottagningsbesök', en: 'Outpatient visit', unit: 'per besök', min: 2_500 },
] as const;

/**
 * Prislista — one synthetic sjukvårdsregional price list per sjukvårdsregion and year, with a price
 * in SEK per service of each care area. Base prices per care area, a level per sjukvårdsregion and a
 * yearly index all come from named random streams, so a care area's prices do not depend on scale.
 */
export function priceListRecords(context: GenContext, careAreas: readonly CareAreaRecord[], years: number[]) {
  const provenance = { source: context.syntheticSource, synthetic: true };
  const index = context.random('hogspecialiserad-vard/prices/index');
  const yearFactor = new Map<number, number>();
  let factor = 1;
  for (let year = 2015; year <= Math.max(...years); year++) {
    factor *= 1.02 + index.next() * 0.035;
    yearFactor.set(year, factor);
  }
  const base = new Map(
    careAreas.map((area) => {
      const random = context.random(`hogspecialiserad-vard/prices/${area.id}`);
      return [area.id, SERVICES.map((s) => s.min * (1 + random.next() * 6))] as const;
    }),
  );
  const lists: Array<Record<string, unknown>> = [];
  const items: Array<Record<string, unknown>> = [];
  for (const hr of context.reference.healthcareRegions) {
    const level = 0.92 + context.random(`hogspecialiserad-vard/prices/level/${hr.id}`).next() * 0.16;
    for (const year of years) {
      const listId = `${hr.id}:${year}`;
      lists.push({ id: listId, healthcareRegion: hr.id, year, currency: 'SEK', ...provenance });
      for (const area of careAreas) {
        SERVICES.forEach((service, i) => {
          const price = base.get(area.id)![i]! * level * yearFactor.get(year)!;
          items.push({
            id: `${listId}:${area.id}:${service.code}`,
            priceList: listId,
            healthcareRegion: hr.id,
            year,
            careArea: area.id,
            serviceCode: `${area.id}:${service.code}`,
            service: `${service.sv} – ${area.name}`,
            serviceEn: `${service.en} – ${area.nameEn}`,
            unit: service.unit,
            priceSek: Math.round(price / 100) * 100,
            ...provenance,
          });
        });
      }
    }
  }
  return { lists, items };
}
