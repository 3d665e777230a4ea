import { nestedProvides } from '../fixtures/audit/nested-provides/index.js';
import { providesAbstract } from '../fixtures/audit/provides-abstract/index.js';
import { providesOnlyRequested } from '../fixtures/audit/provides-only-requested/index.js';
import { requiresArgumentConflict } from '../fixtures/audit/requires-argument-conflict/index.js';
import { requiresCircular } from '../fixtures/audit/requires-chains/circular.js';
import { requiresChains } from '../fixtures/audit/requires-chains/index.js';
import { requiresRequires } from '../fixtures/audit/requires-chains/requires-requires.js';
import { requiresNestedArguments } from '../fixtures/audit/requires-nested-arguments/index.js';
import { requiresPingPong } from '../fixtures/audit/requires-ping-pong/index.js';
import { requiresProvides } from '../fixtures/audit/requires-provides/index.js';
import { requiresWithFragments } from '../fixtures/audit/requires-with-fragments/index.js';
import { requiresInterfaceKey } from '../fixtures/audit/requires-with-fragments/interface-key.js';
import { requiresNestedInterfaces } from '../fixtures/audit/requires-with-fragments/nested-interfaces.js';
import { describeAuditSuites } from '../fixtures/audit/run-suite.js';

/** Federation Gateway Audit shapes: @requires and @provides (docs/gateway-audit.md). */
describeAuditSuites([
  requiresProvides,
  requiresChains,
  requiresCircular,
  requiresRequires,
  requiresArgumentConflict,
  requiresNestedArguments,
  requiresPingPong,
  requiresWithFragments,
  requiresNestedInterfaces,
  requiresInterfaceKey,
  providesAbstract,
  providesOnlyRequested,
  nestedProvides,
]);
