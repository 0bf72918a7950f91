import type { AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { hashPassword } from '../auth/passwords.ts';
import { DEMO_PASSWORD } from './demo-users.ts';

/** Placeholder until the generator lands: creates only the platform admin. */
export async function seedDemoData(ctx: Pick<AppContext, 'db' | 'clock'>): Promise<Record<string, number> | null> {
  const any = await ctx.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('users')
    .values({
      id: newId(),
      username: 'admin',
      display_name: '平台管理员',
      password_hash: await hashPassword(DEMO_PASSWORD),
      role: 'platform_admin',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { users: 1 };
}
