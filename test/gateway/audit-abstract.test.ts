import { abstractTypesCatalogue } from '../fixtures/audit/abstract-types/catalogue.js';
import { circularReferenceInterface } from '../fixtures/audit/abstract-types/circular-interface.js';
import { abstractTypes } from '../fixtures/audit/abstract-types/index.js';
import { fieldShapeMismatch } from '../fixtures/audit/field-shape-mismatch/index.js';
import { fieldShapeMismatchListNullability } from '../fixtures/audit/field-shape-mismatch/list-nullability.js';
import { fieldShapeMismatchNested } from '../fixtures/audit/field-shape-mismatch/nested.js';
import { interfaceObject } from '../fixtures/audit/interface-object/index.js';
import { interfaceObjectLogins } from '../fixtures/audit/interface-object/logins.js';
import { interfaceObjectIndirect } from '../fixtures/audit/interface-object-indirect/index.js';
import { interfaceObjectNonResolvable } from '../fixtures/audit/interface-object-non-resolvable/index.js';
import { interfaceObjectTwoWay } from '../fixtures/audit/interface-object-non-resolvable/two-way.js';
import { node } from '../fixtures/audit/node/index.js';
import { partialUnion } from '../fixtures/audit/partial-union/index.js';
import { partialUnionPrimary } from '../fixtures/audit/partial-union-primary/index.js';
import { describeAuditSuites } from '../fixtures/audit/run-suite.js';
import { unionInterfaceDistributed } from '../fixtures/audit/union-interface-distributed/index.js';
import { unionIntersection } from '../fixtures/audit/union-intersection/index.js';
import { unionIntersectionSharedRoots } from '../fixtures/audit/union-intersection/shared-roots.js';

/** Federation Gateway Audit shapes: interfaces, unions, @interfaceObject, node (docs/gateway-audit.md). */
describeAuditSuites([
  abstractTypes,
  abstractTypesCatalogue,
  circularReferenceInterface,
  interfaceObject,
  interfaceObjectLogins,
  interfaceObjectIndirect,
  interfaceObjectNonResolvable,
  interfaceObjectTwoWay,
  unionIntersection,
  unionIntersectionSharedRoots,
  unionInterfaceDistributed,
  partialUnion,
  partialUnionPrimary,
  node,
  fieldShapeMismatch,
  fieldShapeMismatchNested,
  fieldShapeMismatchListNullability,
]);
