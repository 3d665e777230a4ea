import { parse } from 'graphql';
import { request } from 'undici';
import { ANONYMOUS } from '../../gateway/security/identity.js';
import { type HubRequest, sampleHubRequests } from './hub-requests.js';
import type { FuzzHub } from './hub-target.js';
import { checkAnswer, type GraphQLBody, type Violation } from './invariants.js';
import { knownFinding } from './known-findings.js';
import { ResponseWalker } from './response-walk.js';

/**
 * The hub fuzz loop: sends each generated request to the running hub, one at a time, and checks
 * every answer: bounded time, no 5xx, a GraphQL response or an HTTP error, garbage tokens refused
 * with 401, and the invariants (invariants.ts). Violations are collected with the operation and
 * the caller (not thrown at the first), so one run reports everything it found.
 */
export interface FoundViolation extends Violation {
  readonly caller: string;
  readonly status: number;
  readonly request: number;
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  readonly operationName?: string;
}

export interface HubFuzzOutcome {
  readonly runs: number;
  readonly seed: number;
  readonly statuses: Record<number, number>;
  /** HTTP 200 with a `data` key: the operation was planned and executed. */
  readonly reachedExecution: number;
  /** HTTP 200 with non-null data. */
  readonly withData: number;
  readonly executionShare: number;
  readonly withDataShare: number;
  readonly mutated: number;
  readonly errorCodes: Record<string, number>;
  /** Status counts of valid operations sent with valid tokens that were not answered 200. */
  readonly validRefused: Record<string, number>;
  readonly scopedValuesChecked: number;
  readonly scopedValuesUndecided: number;
  readonly slowestMs: number;
  readonly slowestQuery: string;
  readonly violationCounts: Record<string, number>;
  /** Violations matching a reported, not yet fixed gateway bug (known-findings.ts), by id. */
  readonly knownFindings: Record<string, number>;
  /** The first violations of each kind (at most 5 each), with their operations. */
  readonly violations: FoundViolation[];
}

const MAX_SAMPLES = 5;

export async function fuzzHub(
  target: FuzzHub,
  runs: number,
  seed = 20250505,
  timeoutMs = 5_000,
  /** Called before each request with its index (run-hub.ts measures the heap midway). */
  beforeRequest?: (index: number) => void,
): Promise<HubFuzzOutcome> {
  const statuses: Record<number, number> = {};
  const errorCodes: Record<string, number> = {};
  const validRefused: Record<string, number> = {};
  const violationCounts: Record<string, number> = {};
  const violations: FoundViolation[] = [];
  const knownFindings: Record<string, number> = {};
  let reachedExecution = 0;
  let withData = 0;
  let mutated = 0;
  let scopedChecked = 0;
  let undecided = 0;
  let slowestMs = 0;
  let slowestQuery = '';
  const requests = sampleHubRequests(target, runs, seed);
  for (const [index, r] of requests.entries()) {
    beforeRequest?.(index);
    let codes: string[] = [];
    const report = (found: Violation[], status: number) => {
      for (const v of found) {
        const known = knownFinding(r.op, v, codes);
        if (known) {
          knownFindings[known.id] = (knownFindings[known.id] ?? 0) + 1;
          continue;
        }
        violationCounts[v.invariant] = (violationCounts[v.invariant] ?? 0) + 1;
        if (violations.filter((x) => x.invariant === v.invariant).length < MAX_SAMPLES)
          violations.push({ ...v, caller: r.caller.name, status, request: index, ...r.op });
      }
    };
    if (r.mutation) mutated += 1;
    const started = performance.now();
    let status = 0;
    let text = '';
    try {
      ({ status, text } = await send(target.url, r, timeoutMs));
    } catch (error) {
      report([{ invariant: 'no-answer', detail: String((error as Error).message) }], 0);
      continue;
    }
    const took = performance.now() - started;
    if (took > slowestMs) {
      slowestMs = took;
      slowestQuery = r.op.query;
    }
    statuses[status] = (statuses[status] ?? 0) + 1;
    const found: Violation[] = [];
    if (took > timeoutMs) found.push({ invariant: 'time', detail: `answered in ${Math.round(took)} ms` });
    if (status >= 500) found.push({ invariant: '5xx', detail: `HTTP ${status}: ${text.slice(0, 300)}` });
    if (!r.caller.identity && status !== 401)
      found.push({ invariant: 'garbage-token-accepted', detail: `HTTP ${status} for an invalid token` });
    let body: GraphQLBody | null = null;
    try {
      body = JSON.parse(text) as GraphQLBody;
    } catch {
      found.push({ invariant: 'not-json', detail: `HTTP ${status}: ${text.slice(0, 200)}` });
    }
    if (body && !('data' in body) && !Array.isArray(body.errors))
      found.push({ invariant: 'not-graphql', detail: text.slice(0, 200) });
    if (body) {
      codes = (body.errors ?? []).map((e) => String(e.extensions?.code));
      for (const e of body.errors ?? []) {
        const code = String(e.extensions?.code);
        errorCodes[code] = (errorCodes[code] ?? 0) + 1;
      }
      if (status === 200 && 'data' in body) reachedExecution += 1;
      if (status === 200 && body.data) withData += 1;
      const checked = checkAnswer(
        target.invariants,
        walkerFor(target, r, status),
        r.caller.identity ?? ANONYMOUS,
        body,
      );
      found.push(...checked.violations);
      scopedChecked += checked.scopedChecked;
      undecided += checked.undecided;
    }
    if (!r.mutation && r.caller.identity && status !== 200) {
      const first = body?.errors?.[0]?.extensions as { code?: unknown; limit?: unknown } | undefined;
      const code = String(first?.code);
      const key = `${status} ${code}${first?.limit ? ` ${String(first.limit)}` : ''}`;
      validRefused[key] = (validRefused[key] ?? 0) + 1;
      // The gateway's own response keys (gateway/plan/reserved-names.ts) are refused as aliases:
      // the generator's hostile `__vardnavScope_*` aliases must end exactly so.
      const reserved = /The alias "[^"]+" is reserved/.test(String(body?.errors?.[0]?.message));
      if (
        !reserved &&
        (code === 'GRAPHQL_VALIDATION_FAILED' ||
          code === 'GRAPHQL_PARSE_FAILED' ||
          code === 'QUERY_PLANNING_FAILED')
      )
        found.push({
          invariant: 'valid-operation-rejected',
          detail: `${code}: ${String(body?.errors?.[0]?.message)}`,
        });
    }
    report(found, status);
  }
  return {
    runs,
    seed,
    statuses,
    reachedExecution,
    withData,
    executionShare: round(reachedExecution / runs),
    withDataShare: round(withData / runs),
    mutated,
    errorCodes,
    validRefused,
    scopedValuesChecked: scopedChecked,
    scopedValuesUndecided: undecided,
    slowestMs: Math.round(slowestMs),
    slowestQuery,
    violationCounts,
    knownFindings,
    violations,
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function walkerFor(target: FuzzHub, r: HubRequest, status: number): ResponseWalker | null {
  if (status !== 200) return null;
  try {
    return new ResponseWalker(target.schema, parse(r.op.query), r.op.operationName, r.op.variables);
  } catch {
    return null; // a mutated document that does not parse or coerce: only its errors are checked
  }
}

async function send(
  url: string,
  r: HubRequest,
  timeoutMs: number,
): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'apollo-require-preflight': 'true',
    ...r.caller.headers,
  };
  const params = { query: r.op.query, variables: r.op.variables, operationName: r.op.operationName };
  const target =
    r.method === 'GET'
      ? `${url}?${new URLSearchParams(
          Object.entries(params).flatMap(([k, v]) =>
            v === undefined ? [] : [[k, typeof v === 'string' ? v : JSON.stringify(v)] as [string, string]],
          ),
        )}`
      : url;
  const response = await request(target, {
    method: r.method,
    headers,
    ...(r.method === 'POST' ? { body: JSON.stringify(params) } : {}),
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  return { status: response.statusCode, text: await response.body.text() };
}
