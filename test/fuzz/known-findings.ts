import type { Violation } from './invariants.js';
import type { FuzzOperation } from './operations.js';

/**
 * Gateway bugs the hub fuzz found and reported (issue 5), not yet fixed in gateway/. A violation
 * matching one is counted and printed as known instead of failing the run, so the rest of the
 * fuzz keeps guarding everything else. Delete an entry when its fix lands: the fuzz then proves it.
 * Each `repro` is the minimised operation (test/fuzz/minimise.ts), sent with any valid token.
 */
export interface KnownFinding {
  readonly id: string;
  readonly repro: string;
  /** `codes`: every error code of the same answer. */
  readonly matches: (op: FuzzOperation, violation: Violation, codes: readonly string[]) => boolean;
}

// None open: `planner-key-renamed-over-client-alias` and `variable-conditional-fragment-left-empty`
// were fixed (gateway/execute/client-keys.ts, gateway/plan/local-fields.ts
// keepFieldsOfEmptySelections); their regression tests are test/gateway/client-alias-planning.test.ts.
export const KNOWN_FINDINGS: readonly KnownFinding[] = [];

export function knownFinding(
  op: FuzzOperation,
  violation: Violation,
  codes: readonly string[],
): KnownFinding | undefined {
  return KNOWN_FINDINGS.find((k) => k.matches(op, violation, codes));
}
