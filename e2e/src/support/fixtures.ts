import type { Running } from '../../../apps/server/src/boot.ts';
import { hashPassword } from '../../../apps/server/src/modules/auth/passwords.ts';
import { newId } from '../../../apps/server/src/platform/ids.ts';

export const PASSWORD = 'aftercare-demo';

export interface BrandAdmin {
  username: string;
  brandId: string;
}

/**
 * The demo brand admin `aux.admin` when the demo data set is there; otherwise a brand and a brand
 * admin of our own, so the journey never depends on the demo generator.
 */
export async function brandAdmin(running: Running): Promise<BrandAdmin> {
  const db = running.ctx.db;
  const demo = await db
    .selectFrom('users')
    .select(['username', 'brand_ids'])
    .where('username', '=', 'aux.admin')
    .executeTakeFirst();
  if (demo?.brand_ids[0]) return { username: demo.username, brandId: demo.brand_ids[0] };

  const now = new Date();
  const brandId = newId();
  await db
    .insertInto('brands')
    .values({ id: brandId, code: 'E2E', name: '端到端品牌', name_en: 'E2E brand', created_at: now, updated_at: now })
    .execute();
  await db
    .insertInto('users')
    .values({
      id: newId(),
      username: 'e2e.admin',
      display_name: '端到端品牌管理员',
      password_hash: await hashPassword(PASSWORD),
      role: 'brand_admin',
      brand_ids: [brandId],
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { username: 'e2e.admin', brandId };
}

/** An outlet of the brand that exists before the journey starts (in 东城区), which the new manager must not see. */
export async function existingOutlet(
  running: Running,
  brandId: string,
  tag: string,
): Promise<{ id: string; name: string }> {
  const db = running.ctx.db;
  const now = new Date();
  const id = newId();
  const name = `既有网点${tag}`;
  await db
    .insertInto('outlets')
    .values({
      id,
      code: `E2E-OLD-${tag}`,
      name,
      tier: 'authorized',
      division_code: '110101',
      address: '北京市东城区东直门南大街 1 号',
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('brand_outlets')
    .values({ brand_id: brandId, outlet_id: id, region_id: null, center_id: null, since: null })
    .execute();
  return { id, name };
}
