import type { Kysely, Transaction } from 'kysely';
import type { Actor } from './access/principal.ts';
import type { Clock } from './clock.ts';
import type { DB } from './db/schema.ts';
import { newId } from './ids.ts';
import { redactSecrets } from './redact.ts';

export type Tx = Transaction<DB> | Kysely<DB>;

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | null;
  brandId?: string | null;
  outletId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Appends an audit row in the caller's transaction, so the record and the change commit together. */
export async function writeAudit(tx: Tx, clock: Clock, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({
      id: newId(),
      at: clock.now(),
      actor_type: actor.type,
      actor_id: actor.id,
      actor_name: actor.name,
      request_id: actor.requestId,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      brand_id: entry.brandId ?? null,
      outlet_id: entry.outletId ?? null,
      before: entry.before === undefined ? null : JSON.stringify(redactSecrets(entry.before)),
      after: entry.after === undefined ? null : JSON.stringify(redactSecrets(entry.after)),
    })
    .execute();
}
