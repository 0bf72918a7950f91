/** Staff and partner logins (users) with their data scope: the module's public surface. */
export { canManageUser, validateUserScope } from './user-scope.ts';
export { UserErrors } from './users.errors.ts';
export { userFilter } from './users.repository.ts';
export { userRoutes } from './users.routes.ts';
