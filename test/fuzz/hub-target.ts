import {
  buildClientSchema,
  type GraphQLSchema,
  getIntrospectionQuery,
  type IntrospectionQuery,
} from 'graphql';
import type { GatewayServerOptions } from '../../gateway/index.js';
import { RegionPolicy } from '../../gateway/security/region-policy.js';
import { TestIssuer } from '../fixtures/tokens.js';
import { ensureTestDataset } from '../support/dataset.js';
import { startTestHub, type TestHub } from '../support/hub.js';
import { type AccessRules, readAccessRules } from './access-rules.js';
import { type Caller, fuzzCallers } from './callers.js';
import type { InvariantContext } from './invariants.js';

/**
 * The hub fuzz target: the five real subgraphs on the embedded test dataset behind our gateway
 * with its secure defaults and a test issuer's tokens accepted (startTestHub, unchanged). What
 * the generators and invariants need is read from the running hub, never assumed: the API schema
 * (introspected once over HTTP), real ids to put in arguments, and the suppression threshold.
 */
export interface FuzzHub {
  readonly hub: TestHub;
  readonly url: string;
  readonly schema: GraphQLSchema;
  readonly callers: readonly Caller[];
  /** Valid values per kind of id: a type name (`Region`, `Municipality` …) or `HospitalName`. */
  readonly ids: ReadonlyMap<string, readonly string[]>;
  readonly invariants: InvariantContext;
  close(): Promise<void>;
}

const DISCOVERY = `{
  regions { code } healthcareRegions { id }
  municipalities(first: 1000) { items { code } }
  hospitals(first: 1000) { items { id name } }
  careAreas(first: 1000) { items { id } }
  professions { id } medicalSpecialties { id } universities { id }
  naraVardIndicators { id countsPeople }
  nhvDecisions(first: 1000) { items { id } }
  careAgreements(first: 1000) { items { id } }
  collaborationAgreements(first: 1000) { items { id activityPlans { id } } }
  collaborationBodies { id }
  researchProjects(first: 50) { items { id } }
  naraVardCollaborations(first: 100) { items { id } }
  primaryCareUnits(first: 50) { items { id } }
  patientFlows(first: 0) { suppressionThreshold }
}`;

type Rows = Array<Record<string, unknown>>;
interface Discovery {
  [field: string]: Rows | { items: Rows } | { suppressionThreshold: number };
}

/** `gateway`: extra gateway options (e.g. a logger when replaying a finding). */
export async function startFuzzHub(gateway: Partial<GatewayServerOptions> = {}): Promise<FuzzHub> {
  ensureTestDataset(); // no-op inside vitest (global setup made it); needed for the tsx runner
  const issuer = await TestIssuer.create('fuzz-issuer');
  const hub = await startTestHub({ gateway: { security: issuer.security(), ...gateway } });
  try {
    const callers = await fuzzCallers(issuer);
    const national = callers.find((c) => c.name === 'national')!;
    const introspection = await hub.gateway.query(getIntrospectionQuery(), undefined, {
      ...national.headers,
    });
    if (!introspection.data)
      throw new Error(`introspection failed: ${JSON.stringify(introspection).slice(0, 500)}`);
    const schema = buildClientSchema(introspection.data as unknown as IntrospectionQuery);
    // Retried: on a loaded machine the first (cold) fan-out can exceed the 2 s subgraph timeout.
    let found = await hub.gateway.query(DISCOVERY, undefined, { ...national.headers });
    for (let attempt = 1; attempt < 3 && (!found.data || found.errors); attempt++)
      found = await hub.gateway.query(DISCOVERY, undefined, { ...national.headers });
    if (!found.data || found.errors) throw new Error(`discovery failed: ${JSON.stringify(found.errors)}`);
    const d = found.data as Discovery;
    const rows = (field: string): Rows => {
      const v = d[field];
      return Array.isArray(v) ? v : ((v as { items: Rows }).items ?? []);
    };
    const pluck = (field: string, key = 'id') => rows(field).map((r) => String(r[key]));
    const ids = new Map<string, string[]>([
      ['Region', pluck('regions', 'code')],
      ['HealthcareRegion', pluck('healthcareRegions')],
      ['Municipality', pluck('municipalities', 'code')],
      ['Hospital', pluck('hospitals')],
      ['HospitalName', pluck('hospitals', 'name')],
      ['CareArea', pluck('careAreas')],
      ['Profession', pluck('professions')],
      ['MedicalSpecialty', pluck('medicalSpecialties')],
      ['University', pluck('universities')],
      ['NaraVardIndicator', pluck('naraVardIndicators')],
      ['NhvDecision', pluck('nhvDecisions')],
      ['CareAgreement', pluck('careAgreements')],
      ['CollaborationAgreement', pluck('collaborationAgreements')],
      [
        'ActivityPlan',
        rows('collaborationAgreements').flatMap((a) => (a.activityPlans as Rows).map((p) => String(p.id))),
      ],
      ['CollaborationBody', pluck('collaborationBodies')],
      ['ResearchProject', pluck('researchProjects')],
      ['NaraVardCollaboration', pluck('naraVardCollaborations')],
      ['PrimaryCareUnit', pluck('primaryCareUnits')],
    ]);
    const rules: AccessRules = readAccessRules(hub.supergraphSdl);
    return {
      hub,
      url: hub.gateway.url,
      schema,
      callers,
      ids,
      invariants: {
        schema,
        rules,
        policy: RegionPolicy.fromReference(),
        suppressionThreshold: (d.patientFlows as { suppressionThreshold: number }).suppressionThreshold,
        peopleIndicators: new Set(
          rows('naraVardIndicators')
            .filter((r) => r.countsPeople)
            .map((r) => String(r.id)),
        ),
      },
      close: () => hub.close(),
    };
  } catch (error) {
    await hub.close();
    throw error;
  }
}
