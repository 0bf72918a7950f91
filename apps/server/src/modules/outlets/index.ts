import type { Scope } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/audit.ts';
import { outletIsVisible } from './outlets.repository.ts';

export { createOutletTx, updateOutletTx } from './outlets.commands.ts';
export { OutletErrors } from './outlets.errors.ts';
export { outletRoutes } from './outlets.routes.ts';

/** May the scope see this outlet? For other modules that reference outlets (technicians, users, orders). */
export async function outletVisible(db: Tx, scope: Scope, outletId: string): Promise<boolean> {
  return outletIsVisible(db, scope, outletId);
}
