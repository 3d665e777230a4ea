import { executableDirective } from '../fixtures/audit/executable-directive/index.js';
import { includeSkip } from '../fixtures/audit/include-skip/index.js';
import { mutations } from '../fixtures/audit/mutations/index.js';
import { describeAuditSuites } from '../fixtures/audit/run-suite.js';
import { typename } from '../fixtures/audit/typename/index.js';

/** Federation Gateway Audit shapes: operation semantics (docs/gateway-audit.md). */
describeAuditSuites([mutations, typename, includeSkip, executableDirective]);
