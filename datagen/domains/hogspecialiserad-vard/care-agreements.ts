import type { GenContext } from '../../types.js';
import { careAgreementFacts } from './facts.js';

/** Vårdavtal — the inter-regional care agreements stated in the seed documents (real, unmarked). */
export function careAgreementRecords(context: GenContext) {
  const { source, agreements } = careAgreementFacts();
  const hospitals = new Set(context.reference.hospitals.map((h) => h.id));
  const regions = new Set(context.reference.regions.map((r) => r.countyCode));
  return agreements.map((a) => {
    const document = source.documents.find((d) => d.id === a.document);
    if (!document) throw new Error(`care agreement ${a.id}: unknown document ${a.document}`);
    if (a.providerHospital && !hospitals.has(a.providerHospital))
      throw new Error(`care agreement ${a.id}: unknown hospital ${a.providerHospital}`);
    for (const code of [a.providerRegion, ...a.patientRegions, ...a.participatingRegions])
      if (!regions.has(code)) throw new Error(`care agreement ${a.id}: unknown region ${code}`);
    const when = document.date ? `, ${document.date}` : '';
    return {
      ...a,
      sourceDocument: document,
      source: `${document.publisher}: "${document.title}"${when} (${document.kind}; ${document.seedFile})`,
      synthetic: false,
    };
  });
}
