import { enumIntersection } from '../fixtures/audit/enum-intersection/index.js';
import { externalExtends } from '../fixtures/audit/external-extends/index.js';
import { fed1ExternalExtendsResolvable } from '../fixtures/audit/external-extends/resolvable.js';
import { inaccessible } from '../fixtures/audit/inaccessible/index.js';
import { inputObjectIntersection } from '../fixtures/audit/input-object-intersection/index.js';
import { describeAuditSuites } from '../fixtures/audit/run-suite.js';

/** Federation Gateway Audit shapes: schema merging and visibility (docs/gateway-audit.md). */
describeAuditSuites([
  inaccessible,
  enumIntersection,
  inputObjectIntersection,
  ...externalExtends,
  fed1ExternalExtendsResolvable,
]);
