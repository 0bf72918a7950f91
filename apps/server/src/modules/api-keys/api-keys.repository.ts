import type { Tx } from '../../platform/audit.ts';

// Never the key hash.
const columns = ['id', 'name', 'prefix', 'user_id', 'created_at', 'last_used_at', 'revoked_at'] as const;

export type ApiKeyRow = Awaited<ReturnType<typeof ownKeys>>[number];

/** A user's keys, newest first. Keys are personal: nobody lists or revokes another user's keys. */
export async function ownKeys(db: Tx, userId: string) {
  return db
    .selectFrom('api_keys')
    .select(columns)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function findOwnKey(db: Tx, userId: string, id: string, opts: { forUpdate?: boolean } = {}) {
  let q = db.selectFrom('api_keys').select(columns).where('id', '=', id).where('user_id', '=', userId);
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}
