import { type GraphQLSchema, getNamedType } from 'graphql';
import { isCatalogCode } from '../../core/errors.js';
import { LANSKODER } from '../../core/regions.js';
import type { Identity } from '../../gateway/security/identity.js';
import type { RegionPolicy } from '../../gateway/security/region-policy.js';
import { SCOPED_TYPES } from '../../gateway/security/region-scope.js';
import { type AccessRules, denial } from './access-rules.js';
import type { ResponseWalker, VisitedField, VisitedObject } from './response-walk.js';

/**
 * What must hold for every answer the hub gives (beyond HTTP status and time, checked by the
 * loop): (a) no count of people in [1, threshold-1] is served; (b) no region-scoped detail reaches
 * a caller outside the concerned regions' partners (decided with the gateway's own RegionPolicy);
 * (c) a field guarded by @authenticated/@requiresScopes the caller lacks is null with UNAUTHORIZED
 * (anonymous) or FORBIDDEN (missing scope) at its path. Plus: every error has a message and a
 * code from the catalog (core/errors.ts), never INTERNAL_SERVER_ERROR.
 */
export interface Violation {
  readonly invariant: string;
  readonly detail: string;
}

export interface InvariantContext {
  readonly schema: GraphQLSchema;
  readonly rules: AccessRules;
  readonly policy: RegionPolicy;
  /** Counts in [1, threshold-1] must never be served (read from the hub, not assumed). */
  readonly suppressionThreshold: number;
  /** Ids of the nära vård indicators whose values are counts of people. */
  readonly peopleIndicators: ReadonlySet<string>;
}

export interface GraphQLBody {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: ReadonlyArray<{
    message?: unknown;
    path?: unknown;
    extensions?: { code?: unknown; reason?: unknown };
  }>;
}

export interface CheckResult {
  readonly violations: Violation[];
  /** Region-scoped values whose regions the answer does not show (not decidable). */
  readonly undecided: number;
  /** Region-scoped values checked against the policy. */
  readonly scopedChecked: number;
}

const SCOPED = new Map(SCOPED_TYPES.map((s) => [s.type, s]));

export function checkAnswer(
  ctx: InvariantContext,
  /** null when the request is not an operation that can be walked (then only errors are checked). */
  walker: ResponseWalker | null,
  identity: Identity,
  body: GraphQLBody,
): CheckResult {
  const violations: Violation[] = [];
  const errorsAt = new Map<string, Array<{ code: unknown; reason: unknown }>>();
  for (const e of body.errors ?? []) {
    const code = e.extensions?.code;
    if (typeof e.message !== 'string')
      violations.push({ invariant: 'error-shape', detail: 'error without a message' });
    if (code === 'INTERNAL_SERVER_ERROR')
      violations.push({ invariant: 'internal-error', detail: `INTERNAL_SERVER_ERROR: ${String(e.message)}` });
    else if (!isCatalogCode(code))
      violations.push({
        invariant: 'error-catalog',
        detail: `code ${JSON.stringify(code)}: ${String(e.message)}`,
      });
    if (Array.isArray(e.path)) {
      const key = JSON.stringify(e.path);
      errorsAt.set(key, [...(errorsAt.get(key) ?? []), { code, reason: e.extensions?.reason }]);
    }
  }
  let undecided = 0;
  let scopedChecked = 0;
  if (!body.data || !walker) return { violations, undecided, scopedChecked };
  for (const object of walker.objects(body.data)) {
    for (const field of object.fields.values()) {
      const at = JSON.stringify(field.path);
      const errors = errorsAt.get(at) ?? [];
      // (c) access markings
      const expected = denial(
        identity,
        ctx.rules.rule(object.type.name, field.name, getNamedType(field.definition.type).name),
      );
      if (expected) {
        if (field.value !== null)
          violations.push({
            invariant: 'access',
            detail: `${at} (${object.type.name}.${field.name}) served to a caller lacking ${expected === 'UNAUTHORIZED' ? 'authentication' : 'a scope'}`,
          });
        else if (!errors.some((e) => e.code === expected))
          violations.push({
            invariant: 'access-error',
            detail: `${at} is null without ${expected} at its path (got ${JSON.stringify(errors)})`,
          });
        continue;
      }
      if (
        errors.some(
          (e) => (e.code === 'UNAUTHORIZED' || e.code === 'FORBIDDEN') && e.reason !== 'REGION_SCOPE',
        )
      )
        violations.push({
          invariant: 'over-denied',
          detail: `${at} denied although the caller satisfies its markings`,
        });
      // (a) suppression
      const count = peopleCount(ctx, walker, object, field);
      if (count !== null && count > 0 && count < ctx.suppressionThreshold)
        violations.push({
          invariant: 'suppression',
          detail: `${at} (${object.type.name}.${field.name}) = ${count} < ${ctx.suppressionThreshold}`,
        });
      // (b) region scoping
      const spec = SCOPED.get(object.type.name);
      if (spec?.detail.includes(field.name)) {
        const visible = regionVisible(ctx, walker, object, identity, spec);
        if (visible === null) undecided += 1;
        else {
          scopedChecked += 1;
          if (!visible && field.value !== null)
            violations.push({
              invariant: 'region-scope',
              detail: `${at} (${object.type.name}.${field.name}) served to ${identity.region ?? 'a caller without region'} outside the concerned regions' partners`,
            });
          if (visible && field.value === null && errors.some((e) => e.reason === 'REGION_SCOPE'))
            violations.push({
              invariant: 'over-withheld',
              detail: `${at} withheld (REGION_SCOPE) from a caller the policy allows`,
            });
        }
      }
    }
  }
  return { violations, undecided, scopedChecked };
}

/** The value of a field that counts people, or null when the field is not one (or is null). */
function peopleCount(
  ctx: InvariantContext,
  walker: ResponseWalker,
  object: VisitedObject,
  field: VisitedField,
): number | null {
  if (typeof field.value !== 'number') return null;
  // Every `count` in the hub's schema counts people (patients, staff, enrolled, listed, posts).
  if (field.name === 'count') return field.value;
  if (object.type.name === 'NaraVardIndicatorValue' && field.name === 'value') {
    const ids = [...values(object, 'indicatorId')];
    for (const indicator of fieldsNamed(object, 'indicator'))
      for (const o of walker.open(indicator)) {
        if ([...values(o, 'countsPeople')].includes(true)) return field.value;
        ids.push(...values(o, 'id'));
      }
    return ids.some((id) => ctx.peopleIndicators.has(String(id))) ? field.value : null;
  }
  return null;
}

/** May the caller see this record's detail? null when the answer lacks the regions to decide. */
function regionVisible(
  ctx: InvariantContext,
  walker: ResponseWalker,
  object: VisitedObject,
  identity: Identity,
  spec: (typeof SCOPED_TYPES)[number],
): boolean | null {
  // A caller who may see no region at all (no region claim, not national) is decided at once.
  if (!ctx.policy.mayView(identity, LANSKODER)) return false;
  const concerned: string[] = [];
  let complete = true;
  const read = (names: readonly string[], key: string, expand: (v: string) => readonly string[]) => {
    for (const name of names) {
      const found = fieldsNamed(object, name)
        .flatMap((f) => walker.open(f))
        .flatMap((o) => [...values(o, key)])
        .filter((v): v is string => typeof v === 'string');
      if (found.length === 0) complete = false;
      for (const v of found) concerned.push(...expand(v));
    }
  };
  read(spec.regionFields, 'code', (code) => [code]);
  read(spec.healthcareRegionFields, 'id', (id) => ctx.policy.members(id));
  if (ctx.policy.mayView(identity, concerned)) return true;
  return complete ? false : null;
}

function fieldsNamed(object: VisitedObject, name: string): VisitedField[] {
  return [...object.fields.values()].filter((f) => f.name === name);
}

function* values(object: VisitedObject, name: string): Generator<unknown> {
  for (const f of fieldsNamed(object, name)) yield f.value;
}
