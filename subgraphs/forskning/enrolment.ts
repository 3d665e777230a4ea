import type { ClinicalTrialRecord } from '../../datagen/domains/forskning/records.js';
import { type SuppressedCount, suppress } from '../kit/index.js';

/**
 * Röjandeskydd för inkluderade patienter — a trial publishes its enrolment per region and in total,
 * so a single suppressed region cell could be derived as total minus the others. Primary
 * suppression (kit `suppress`) hides cells below the threshold; secondary suppression then hides
 * the smallest published non-zero cells until the hidden cells together reach the threshold (or
 * all are hidden, in which case the total is hidden when it is small itself).
 */
export interface TrialEnrolmentView {
  readonly total: SuppressedCount;
  readonly byRegion: ReadonlyArray<{ readonly regionCode: string } & SuppressedCount>;
}

export function trialEnrolment(trial: ClinicalTrialRecord, threshold: number): TrialEnrolmentView {
  const cells = trial.enrolmentByRegion.map((e) => ({
    regionCode: e.regionCode,
    enrolled: e.enrolled,
    ...suppress(e.enrolled, threshold),
  }));
  let hidden = cells.filter((c) => c.suppressed).reduce((sum, c) => sum + c.enrolled, 0);
  if (hidden > 0) {
    const candidates = cells
      .filter((c) => !c.suppressed && c.enrolled > 0)
      .sort((a, b) => a.enrolled - b.enrolled || (a.regionCode < b.regionCode ? -1 : 1));
    for (const cell of candidates) {
      if (hidden >= threshold && cells.filter((c) => c.suppressed).length >= 2) break;
      cell.count = null;
      cell.suppressed = true;
      hidden += cell.enrolled;
    }
  }
  const total = cells.reduce((sum, c) => sum + c.enrolled, 0);
  return {
    total: suppress(total, threshold),
    byRegion: cells.map(({ regionCode, count, suppressed }) => ({ regionCode, count, suppressed })),
  };
}

const cache = new WeakMap<ClinicalTrialRecord, { threshold: number; view: TrialEnrolmentView }>();

/** `trialEnrolment`, computed once per record and threshold. */
export function cachedTrialEnrolment(trial: ClinicalTrialRecord, threshold: number): TrialEnrolmentView {
  const hit = cache.get(trial);
  if (hit && hit.threshold === threshold) return hit.view;
  const view = trialEnrolment(trial, threshold);
  cache.set(trial, { threshold, view });
  return view;
}
