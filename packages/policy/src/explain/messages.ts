// Human explanations of verdicts in zh-CN and en-US. Each message takes the facts it needs and names
// the rule; callers attach the clause.
import { termLabel } from '../dates.ts';
import type { Component, Localized, RemedyKind, TermSpec } from '../schema.ts';

const COMPONENT: Record<Component, Localized> = {
  labor: { 'zh-CN': '人工费', 'en-US': 'labor' },
  parts: { 'zh-CN': '配件费', 'en-US': 'parts' },
  onSite: { 'zh-CN': '上门费', 'en-US': 'on-site fee' },
  transport: { 'zh-CN': '交通运输费', 'en-US': 'transport' },
};

const REMEDY: Record<RemedyKind, Localized> = {
  return: { 'zh-CN': '退货', 'en-US': 'return' },
  exchange: { 'zh-CN': '换货', 'en-US': 'exchange' },
  repair: { 'zh-CN': '修理', 'en-US': 'repair' },
};

const BASIS: Record<string, Localized> = {
  purchase: { 'zh-CN': '发票购买日期', 'en-US': 'the invoice purchase date' },
  delivery: { 'zh-CN': '送货日期', 'en-US': 'the delivery date' },
  installation: { 'zh-CN': '安装日期', 'en-US': 'the installation date' },
  production: { 'zh-CN': '生产日期加宽限期', 'en-US': 'the production date plus the grace period' },
  override: {
    'zh-CN': '产品档案记录的三包起算日（人工更正，非政策推定）',
    'en-US': 'the warranty start recorded on the product (an override, not derived by the policy)',
  },
  exchange: {
    'zh-CN': '换货日期（新机重新计算三包期）',
    'en-US': 'the exchange date (a new warranty for the replacement)',
  },
};

const t = (term: TermSpec) => ({ zh: termLabel(term, 'zh-CN'), en: termLabel(term, 'en-US') });

export const messages = {
  start(basis: string, date: string, extensionDays: number): Localized {
    const ext = extensionDays > 0;
    return {
      'zh-CN': `三包期自${BASIS[basis]!['zh-CN']}${date}起算（次日开始计算）${ext ? `，维修占用${extensionDays}天顺延` : ''}。`,
      'en-US': `The warranty counts from ${BASIS[basis]!['en-US']}, ${date} (from the next day)${ext ? `, extended by ${extensionDays} days spent in repair` : ''}.`,
    };
  },
  noStart(): Localized {
    return {
      'zh-CN': '无发票且无生产日期，无法确定三包起算日，按保外处理。',
      'en-US':
        'No invoice and no production date: the warranty start cannot be established; treated as out of warranty.',
    };
  },
  unknownCategory(category: string): Localized {
    return {
      'zh-CN': `本政策包没有品类“${category}”的三包条款。`,
      'en-US': `This policy pack has no warranty terms for category "${category}".`,
    };
  },
  component(c: Component, covered: boolean, term: TermSpec, until: string, what: Localized): Localized {
    const { zh, en } = t(term);
    return covered
      ? {
          'zh-CN': `${COMPONENT[c]['zh-CN']}免费：${what['zh-CN']}${zh}保修期内（至${until}）。`,
          'en-US': `${cap(COMPONENT[c]['en-US'])} covered: within the term of ${en} for ${what['en-US']} (until ${until}).`,
        }
      : {
          'zh-CN': `${COMPONENT[c]['zh-CN']}收费：${what['zh-CN']}${zh}保修期已于${until}届满。`,
          'en-US': `${cap(COMPONENT[c]['en-US'])} charged: the term of ${en} for ${what['en-US']} ended on ${until}.`,
        };
  },
  notCoveredRepair(c: Component): Localized {
    return {
      'zh-CN': `${COMPONENT[c]['zh-CN']}收费：所涉配件不在保修期内，本次为收费维修。`,
      'en-US': `${cap(COMPONENT[c]['en-US'])} charged: the parts involved are out of warranty, so this is a paid repair.`,
    };
  },
  notCovered(c: Component, why: Localized): Localized {
    return {
      'zh-CN': `${COMPONENT[c]['zh-CN']}收费：${why['zh-CN']}`,
      'en-US': `${cap(COMPONENT[c]['en-US'])} charged: ${why['en-US']}`,
    };
  },
  exclusion(cause: string): Localized {
    const names: Record<string, Localized> = {
      'user-damage': { 'zh-CN': '人为损坏', 'en-US': 'damage by the user' },
      'natural-disaster': { 'zh-CN': '自然灾害', 'en-US': 'a natural disaster' },
      'unauthorized-repair': { 'zh-CN': '非授权拆修', 'en-US': 'an unauthorized repair' },
    };
    const n = names[cause] ?? { 'zh-CN': cause, 'en-US': cause };
    return {
      'zh-CN': `故障原因为${n['zh-CN']}，不属三包范围。`,
      'en-US': `The fault was caused by ${n['en-US']}, which the warranty excludes.`,
    };
  },
  abroad(country: string, covered: boolean, until: string | null): Localized {
    return covered
      ? {
          'zh-CN': `在境外（${country}）服务：全球联保期内（至${until}）。`,
          'en-US': `Service abroad (${country}): within the worldwide cover (until ${until}).`,
        }
      : {
          'zh-CN': `在境外（${country}）服务：${until ? `全球联保已于${until}届满` : '本政策不提供境外保修'}。`,
          'en-US': `Service abroad (${country}): ${until ? `the worldwide cover ended on ${until}` : 'this policy gives no cover abroad'}.`,
        };
  },
  postRepair(repairDate: string, term: TermSpec, until: string): Localized {
    const { zh, en } = t(term);
    return {
      'zh-CN': `${repairDate}付费维修后${zh}内同一故障再次出现（至${until}），免费维修。`,
      'en-US': `The same fault recurred within ${en} of the paid repair on ${repairDate} (until ${until}): repaired free.`,
    };
  },
  contract(id: string, until: string): Localized {
    return {
      'zh-CN': `延保合同${id}有效期内（至${until}）。`,
      'en-US': `Covered by extended-warranty contract ${id} (until ${until}).`,
    };
  },
  promotion(name: Localized): Localized {
    return {
      'zh-CN': `适用促销保修：${name['zh-CN']}。`,
      'en-US': `Promotional warranty applies: ${name['en-US']}.`,
    };
  },
  remedyWindow(kinds: RemedyKind[], term: TermSpec, until: string, functional = false): Localized {
    const { zh, en } = t(term);
    const zhKinds = kinds.map((k) => REMEDY[k]['zh-CN']).join('、');
    const enKinds = kinds.map((k) => REMEDY[k]['en-US']).join(', ');
    return {
      'zh-CN': `购买后${zh}内（至${until}）出现${functional ? '功能性' : '性能'}故障，可选择${zhKinds}。`,
      'en-US': `A ${functional ? 'functional' : 'performance'} fault within ${en} of purchase (until ${until}): the customer may choose ${enKinds}.`,
    };
  },
  repeatedFailure(count: number, remedy: RemedyKind): Localized {
    return {
      'zh-CN': `三包期内同一严重性能故障已修理${count}次仍不能正常使用，可${REMEDY[remedy]['zh-CN']}${remedy === 'return' ? '（无同型号产品）' : ''}。`,
      'en-US': `The same serious fault was repaired ${count} times within warranty and failed again: ${REMEDY[remedy]['en-US']}${remedy === 'return' ? ' (no unit of the same model)' : ''}.`,
    };
  },
  repairOverrun(days: number, limit: number, waiting: boolean, kinds: RemedyKind[]): Localized {
    return {
      'zh-CN': `维修占用${days}天，超过${waiting ? '等待厂家配件' : '修理者自身原因'}的${limit}天时限，可${kinds.map((k) => REMEDY[k]['zh-CN']).join('或')}。`,
      'en-US': `The repair took ${days} days, beyond the ${limit}-day limit ${waiting ? "when waiting for the maker's parts" : 'for the repairer’s own delay'}: ${kinds.map((k) => REMEDY[k]['en-US']).join(' or ')}.`,
    };
  },
  repair(free: boolean): Localized {
    return free
      ? { 'zh-CN': '保修期内免费修理。', 'en-US': 'Repair free of charge under warranty.' }
      : { 'zh-CN': '可收费修理。', 'en-US': 'Repair is available for a fee.' };
  },
  entitlement(name: Localized, remaining: number, until: string | null, why?: Localized): Localized {
    if (why) return { 'zh-CN': `${name['zh-CN']}：${why['zh-CN']}`, 'en-US': `${name['en-US']}: ${why['en-US']}` };
    return {
      'zh-CN': `${name['zh-CN']}：剩余${remaining}次${until ? `（至${until}）` : ''}。`,
      'en-US': `${name['en-US']}: ${remaining} left${until ? ` (until ${until})` : ''}.`,
    };
  },
  entitlementEnded(end: string): Localized {
    return { 'zh-CN': `已于${end}到期。`, 'en-US': `ended on ${end}.` };
  },
  entitlementDistance(maxKm: number, km: number | undefined): Localized {
    return km === undefined
      ? { 'zh-CN': `限${maxKm}公里内，距离未知。`, 'en-US': `only within ${maxKm} km; the distance is not known.` }
      : { 'zh-CN': `限${maxKm}公里内（实际${km}公里）。`, 'en-US': `only within ${maxKm} km (${km} km).` };
  },
  entitlementUsedUp(used: number): Localized {
    return { 'zh-CN': `本期已用完（${used}次）。`, 'en-US': `used up for this period (${used}).` };
  },
};

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
