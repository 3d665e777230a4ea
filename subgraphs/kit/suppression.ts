/**
 * Röjandeskydd — small-cell suppression. Counts of patients or people below the threshold are
 * never served: the value becomes null and `suppressed` is true. This is primary suppression; a
 * table that also publishes sums needs secondary suppression too (`protectTable`,
 * secondary-suppression.ts), computed on the whole table where it is produced.
 */
export interface SuppressedCount {
  readonly count: number | null;
  readonly suppressed: boolean;
}

export function suppress(count: number, threshold: number): SuppressedCount {
  if (!Number.isFinite(count) || count < 0) throw new Error(`invalid count ${count}`);
  // Zero is not a small cell: an empty cell reveals no individual. 1..threshold-1 are hidden.
  return count > 0 && count < threshold ? { count: null, suppressed: true } : { count, suppressed: false };
}
