/** The audit log: read side (writes go through platform/audit.ts writeAudit, in each command's transaction). */
export { auditScopeFilter } from './audit.repository.ts';
export { auditRoutes } from './audit.routes.ts';
