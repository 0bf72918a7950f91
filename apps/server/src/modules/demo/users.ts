import type { Insertable } from 'kysely';
import type { UsersTable } from '../../platform/db/schema.ts';
import { DEMO_USERS } from './demo-users.ts';
import type { NetworkRows } from './network.ts';
import type { TechnicianRow } from './people.ts';

interface Scope {
  displayName: string;
  brands?: string[];
  regions?: string[];
  outlet?: boolean;
  technician?: boolean;
}

/** Who each demo login is and which part of the data they see. */
const SCOPES: Record<string, Scope> = {
  admin: { displayName: '平台管理员' },
  'aux.admin': { displayName: '奥克斯品牌管理员 孙丽', brands: ['AUX'] },
  'aux.manager': { displayName: '奥克斯售后经理 周建国', brands: ['AUX'] },
  'aux.east.manager': { displayName: '奥克斯华东大区经理 吴海涛', brands: ['AUX'], regions: ['AUX:EAST'] },
  'aux.agent': { displayName: '奥克斯坐席 郑晓燕', brands: ['AUX'] },
  'aux.dispatcher': { displayName: '奥克斯派单员 何志明', brands: ['AUX'] },
  'aux.qi': { displayName: '奥克斯质检员 林静', brands: ['AUX'] },
  'gome.admin': { displayName: '国美品牌管理员 黄立新', brands: ['GOME'] },
  // Gome's call center answers three brands' hotlines.
  'gome.agent': { displayName: '国美坐席 刘佳怡', brands: ['GOME', 'MIDEA', 'ORLUSA'] },
  'fujitsu.admin': { displayName: '富士通品牌管理员 陈文斌', brands: ['FUJITSU'] },
  'outlet.manager': { displayName: '', outlet: true },
  technician: { displayName: '', technician: true },
  customer: { displayName: '张先生' },
};

export function buildUsers(
  network: NetworkRows,
  heroOutletContact: string,
  tech: TechnicianRow,
  passwordHash: string,
  d: { id: () => string; now: Date; mobile: () => string },
): Insertable<UsersTable>[] {
  return DEMO_USERS.map((u) => {
    const s = SCOPES[u.username];
    if (!s) throw new Error(`demo data: no scope for demo user ${u.username}`);
    const lookup = (map: Map<string, string>, key: string) => {
      const id = map.get(key);
      if (!id) throw new Error(`demo data: ${u.username} needs ${key}`);
      return id;
    };
    const displayName = s.technician ? tech.name : s.outlet ? heroOutletContact : s.displayName;
    return {
      id: d.id(),
      username: u.username,
      display_name: displayName,
      password_hash: passwordHash,
      role: u.role,
      brand_ids: (s.brands ?? []).map((b) => lookup(network.brandIds, b)),
      region_ids: (s.regions ?? []).map((r) => lookup(network.regionIds, r)),
      outlet_id: s.outlet || s.technician ? network.heroOutletId : null,
      technician_id: s.technician ? tech.id : null,
      customer_id: null,
      phone: s.technician ? tech.phone : d.mobile(),
      created_at: d.now,
      updated_at: d.now,
    };
  });
}
