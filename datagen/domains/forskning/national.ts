import type { Reference } from '../../reference.js';
import { regionCodeFor } from '../../reference.js';
import type {
  AlfRegionRecord,
  HealthcareRegionRecord,
  HospitalRecord,
  MedicalFacultyRecord,
  PlanTaskRecord,
  RegionalCancerCentreRecord,
  ResearchStrategyRecord,
  UniversityRecord,
} from './records.js';
import { type PlanTaskFact, slug, strategyFacts, universityHospitalsRef } from './reference.js';

const REF_FILE = 'data/reference/university-hospitals.json';

/** The national (real, public) collections of the forskning dataset. */
export function nationalCollections(reference: Reference) {
  const ref = universityHospitalsRef(reference);
  const urls = (...parts: string[]) => ref.source.urls.filter((u) => parts.some((p) => u.includes(p)));
  const cite = (what: string, list: string[]) => `${what} — ${REF_FILE}; ${list.join(' ')}`;
  const facultySource = cite(
    'Lärosäten med läkarutbildning / universities with a medical programme',
    urls('läkarstudent', 'oru.se', 'umu.se', 'akademiska'),
  );
  const alfSource = cite(
    'ALF-avtalet (stat–region, since 2015-01-01)',
    urls('kliniskastudier', 'alfvastragotaland', 'altinget', 'uu.se'),
  );
  const rccSource = cite('Regionala cancercentrum', urls('cancercentrum'));
  const alf = new Set(ref.alfAgreement.regions);

  const universities: UniversityRecord[] = [];
  const medicalFaculties: MedicalFacultyRecord[] = [];
  for (const uh of ref.universityHospitals) {
    const id = slug(uh.university);
    const faculty = ref.medicalFaculties.find((f) => f.linkedRegion === uh.countyCode);
    if (!faculty) throw new Error(`no medical faculty linked to region ${uh.countyCode}`);
    universities.push({
      id,
      name: uh.university,
      facultyId: `${id}-medicin`,
      universityHospitalIds: [uh.id],
      alfRegionCode: alf.has(uh.countyCode) ? uh.countyCode : null,
      source: facultySource,
      synthetic: false,
    });
    medicalFaculties.push({
      id: `${id}-medicin`,
      name: uh.faculty,
      universityId: id,
      city: faculty.city,
      linkedRegionCode: faculty.linkedRegion,
      universityHospitalId: uh.id,
      satelliteSites: (faculty.satelliteSites ?? []).map(teachingSite),
      vfuRegionCodes: [...(faculty.vfuRegions ?? [])].sort(),
      note: uh.note ?? null,
      source: facultySource,
      synthetic: false,
    });
  }

  const alfRegions: AlfRegionRecord[] = [...alf].sort().map((code) => {
    const uh = ref.universityHospitals.find((h) => h.countyCode === code);
    if (!uh) throw new Error(`ALF region ${code} has no university hospital`);
    return {
      regionCode: code,
      agreement: ref.alfAgreement.description,
      validFrom: '2015-01-01',
      universityId: slug(uh.university),
      universityHospitalId: uh.id,
      source: alfSource,
      synthetic: false,
    };
  });

  const facts = strategyFacts();
  const factsSource = (extra: string) =>
    `data/facts/forskning/research-strategies.json: ${facts.source.documents
      .map((d) => `${d.title} (${d.url ?? d.seedFile})`)
      .join('; ')}${extra}`;
  const planTask = (t: PlanTaskFact): PlanTaskRecord => ({
    plan: t.plan,
    decidedBy: t.decidedBy,
    periodStart: t.periodStart,
    periodEnd: t.periodEnd,
    task: t.task,
    source: factsSource(''),
    synthetic: false,
  });

  const regionalCancerCentres: RegionalCancerCentreRecord[] = ref.regionalCancerCentres.map((rcc) => {
    const [, hostName = rcc.hostRegion, hostCity] = /^(.*?)(?: \((.*)\))?$/.exec(rcc.hostRegion) ?? [];
    return {
      id: slug(rcc.name),
      name: rcc.name,
      formerName: rcc.formerName ?? null,
      healthcareRegionId: rcc.healthcareRegion,
      hostRegionCode: regionCodeFor(hostName, reference) ?? null,
      hostRegionName: hostName,
      hostCity: hostCity ?? null,
      hostConfidence: 'medium',
      hostVerified: false,
      note: ref.rccNote,
      planTasks: facts.regionalCancerCentreTasks
        .filter((t) => t.healthcareRegion === rcc.healthcareRegion)
        .map(planTask),
      source: rccSource,
      synthetic: false,
    };
  });

  const researchStrategies: ResearchStrategyRecord[] = facts.strategies.map((s) => ({
    id: s.id,
    title: s.title,
    healthcareRegionId: s.healthcareRegion,
    periodStart: s.periodStart,
    periodEnd: s.periodEnd,
    documentUrl: s.documentUrl,
    contentNote: s.contentNote,
    followUps: s.followUps.map(planTask),
    source: factsSource(''),
    synthetic: false,
  }));

  const universityOf = new Map(ref.universityHospitals.map((h) => [h.id, slug(h.university)]));
  const hospitals: HospitalRecord[] = reference.hospitals.map((h) => ({
    id: h.id,
    universityId: universityOf.get(h.id) ?? null,
    source: `data/reference/hospitals.json (Vårdnav hospital register); university: ${REF_FILE}`,
    synthetic: false,
  }));

  const healthcareRegions: HealthcareRegionRecord[] = reference.healthcareRegions.map((hr) => {
    const rcc = regionalCancerCentres.find((r) => r.healthcareRegionId === hr.id);
    if (!rcc) throw new Error(`no regional cancer centre for ${hr.id}`);
    return {
      id: hr.id,
      regionalCancerCentreId: rcc.id,
      source: `data/reference/regions.json; RCC: ${REF_FILE}`,
      synthetic: false,
    };
  });

  return {
    universities,
    medicalFaculties,
    alfRegions,
    regionalCancerCentres,
    researchStrategies,
    hospitals,
    healthcareRegions,
  };
}

/** "Luleå/Sunderbyn (25)" → { name: "Luleå/Sunderbyn", regionCode: "25" }. */
function teachingSite(text: string) {
  const match = /^(.*) \((\d{2})\)$/.exec(text);
  if (!match) throw new Error(`unexpected satellite site '${text}'`);
  return { name: match[1]!, regionCode: match[2]! };
}
