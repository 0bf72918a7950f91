/** API keys for integrations: the module's public surface. */
export { generateKey, MAX_ACTIVE_KEYS } from './api-keys.commands.ts';
export { ApiKeyErrors } from './api-keys.errors.ts';
export { apiKeyRoutes } from './api-keys.routes.ts';
