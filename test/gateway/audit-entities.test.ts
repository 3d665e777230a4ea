import { complexEntityCall } from '../fixtures/audit/complex-entity-call/index.js';
import { corruptedNodeId } from '../fixtures/audit/corrupted-node-id/index.js';
import { keysMashup } from '../fixtures/audit/keys-mashup/index.js';
import { mysteriousExternal } from '../fixtures/audit/mysterious-external/index.js';
import { nullKeys } from '../fixtures/audit/null-keys/index.js';
import { override } from '../fixtures/audit/override/index.js';
import { overrideWithRequires } from '../fixtures/audit/override/with-requires.js';
import { overrideInterfaceFeeds } from '../fixtures/audit/override-interface/feeds.js';
import { overrideInterface } from '../fixtures/audit/override-interface/index.js';
import { parentEntityCall } from '../fixtures/audit/parent-entity-call/index.js';
import { describeAuditSuites } from '../fixtures/audit/run-suite.js';
import { sharedRoot } from '../fixtures/audit/shared-root/index.js';
import { simpleEntityCall } from '../fixtures/audit/simple-entity-call/index.js';

/** Federation Gateway Audit shapes: entity calls, keys, shared roots, override (docs/gateway-audit.md). */
describeAuditSuites([
  simpleEntityCall,
  complexEntityCall,
  parentEntityCall,
  keysMashup,
  nullKeys,
  sharedRoot,
  override,
  overrideWithRequires,
  overrideInterface,
  overrideInterfaceFeeds,
  corruptedNodeId,
  mysteriousExternal,
]);
