import type { Random } from './random.js';
import type { Reference } from './reference.js';

export type DatasetScale = 'small' | 'large';

/** Every record the hub serves says where it comes from. */
export interface Provenance {
  /** Source of the fact (document, URL, or the synthetic generator). */
  source: string;
  /** True when the figures were made up by the hub's deterministic generator. */
  synthetic: boolean;
}

export interface GenContext {
  readonly scale: DatasetScale;
  readonly seed: number;
  readonly reference: Reference;
  /** An independent deterministic random stream per name. */
  random(name: string): Random;
  /** The provenance label for synthetic records. */
  readonly syntheticSource: string;
}

/** Records per owner (länskod or `national`) per collection. */
export type DomainOutput = Record<string, Record<string, ReadonlyArray<Record<string, unknown>>>>;

export type DomainGenerator = (context: GenContext) => DomainOutput;
