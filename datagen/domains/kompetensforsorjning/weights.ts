import type { DatasetScale } from '../../types.js';

/**
 * Scaling weights for the SYNTHETIC workforce figures. These are NOT served: they only make the
 * made-up numbers plausible in size. Population is approximate (thousands of inhabitants, rounded,
 * from general knowledge of SCB's figures around 2023); rates are rough guesses of people employed
 * by the regions per 100 000 inhabitants.
 */
export const POPULATION_THOUSANDS: Readonly<Record<string, number>> = {
  '01': 2450,
  '03': 400,
  '04': 300,
  '05': 470,
  '06': 370,
  '07': 200,
  '08': 250,
  '09': 60,
  '10': 160,
  '12': 1410,
  '13': 340,
  '14': 1740,
  '17': 280,
  '18': 310,
  '19': 280,
  '20': 290,
  '21': 290,
  '22': 240,
  '23': 130,
  '24': 270,
  '25': 250,
};

/** Employed by the region per 100 000 inhabitants (rough, synthetic scaling only). */
export const PROFESSION_RATE: Readonly<Record<string, number>> = {
  apotekare: 4,
  arbetsterapeut: 30,
  audionom: 5,
  barnmorska: 60,
  'biomedicinsk-analytiker': 45,
  dietist: 5,
  fysioterapeut: 50,
  glasogonoptiker: 0.6,
  'halso-och-sjukvardskurator': 35,
  kiropraktor: 0.15,
  logoped: 8,
  lakare: 330,
  naprapat: 0.25,
  ortopedingenjor: 2,
  psykolog: 35,
  psykoterapeut: 4,
  receptarie: 2,
  rontgensjukskoterska: 35,
  sjukhusfysiker: 3,
  sjukskoterska: 680,
  tandhygienist: 20,
  tandlakare: 25,
};

/** Share of ST doctors in each specialty (synthetic scaling only; other specialties share the rest). */
export const ST_SHARE: Readonly<Record<string, number>> = {
  allmanmedicin: 0.24,
  internmedicin: 0.09,
  psykiatri: 0.08,
  'anestesi-och-intensivvard': 0.06,
  kirurgi: 0.05,
  ortopedi: 0.05,
  'barn-och-ungdomsmedicin': 0.05,
  'obstetrik-och-gynekologi': 0.05,
  radiologi: 0.05,
  akutsjukvard: 0.03,
  geriatrik: 0.02,
  kardiologi: 0.02,
  neurologi: 0.02,
  onkologi: 0.02,
  'barn-och-ungdomspsykiatri': 0.02,
};
export const ST_SHARE_OTHER = 0.01;
/** ST doctors in service per 100 000 inhabitants. */
export const ST_RATE = 95;

/** Years of synthetic figures per scale (AT/BT consistency is handled by the training-post generator). */
export function yearsFor(scale: DatasetScale): number[] {
  const first = scale === 'large' ? 2005 : 2019;
  return Array.from({ length: 2024 - first + 1 }, (_, i) => first + i);
}

/** A non-negative integer around `mean` (noise grows with the square root, so small cells occur). */
export function noisyCount(mean: number, normal: (mean: number, sd: number) => number): number {
  return Math.max(0, Math.round(normal(mean, Math.sqrt(mean) * 0.6 + 0.5)));
}
