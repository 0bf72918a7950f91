import type { OrderAction, OrderStatus, WorkOrder, warrantyVerdict } from '@aftercare/contracts';
import type { z } from 'zod';
import type { Principal } from '../../platform/access/principal.ts';
import { phoneFor } from '../../platform/masking.ts';
import { actionsFrom, type Party } from './work-order-status.ts';
import type { EventRow, OrderView } from './work-orders.repository.ts';

/** The parties a caller can act as, from their capabilities. */
export function partiesOf(p: Principal): Party[] {
  const parties: Party[] = [];
  if (p.capabilities.has('orders.write')) parties.push('desk');
  if (p.capabilities.has('orders.dispatch')) parties.push('dispatch');
  if (p.capabilities.has('orders.outlet')) parties.push('outlet');
  if (p.capabilities.has('orders.visit')) parties.push('technician');
  if (p.capabilities.has('orders.returnVisit')) parties.push('return_visit');
  if (p.role === 'customer') parties.push('customer');
  return parties;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentOrder(p: Principal | null, v: OrderView): WorkOrder {
  const r = v.row;
  // A customer (and the H5 link) sees who is coming, not the outlet's or technician's records.
  const outside = !p || p.role === 'customer';
  return {
    id: r.id,
    number: r.number,
    brandId: r.brand_id,
    type: r.type as WorkOrder['type'],
    channel: r.channel as WorkOrder['channel'],
    status: r.status as OrderStatus,
    version: r.version,
    customer: { id: r.customer_id, name: v.customerName },
    product: v.product
      ? {
          id: v.product.id,
          categoryCode: v.product.category_code,
          modelCode: v.product.model_code,
          serial: v.product.serial,
        }
      : null,
    categoryCode: r.category_code,
    address: {
      divisionCode: r.division_code,
      divisionName: v.divisionName,
      detail: r.address_detail,
      urbanRural: r.urban_rural as 'urban' | 'rural',
    },
    contactName: r.contact_name,
    contactPhone: phoneFor(p, r.contact_phone),
    faultDescription: r.fault_description,
    faultCodes: r.fault_codes,
    preferredWindows: r.preferred_windows as { start: string; end: string }[],
    priority: r.priority as 'normal' | 'urgent',
    disposition: r.disposition,
    outlet: outside ? null : v.outlet,
    technician: v.technician
      ? {
          id: outside ? null : v.technician.id,
          name: v.technician.name,
          licenceNo: v.technician.licence_no,
          phone: outside ? null : phoneFor(p, v.technician.phone),
        }
      : null,
    offerExpiresAt: iso(r.offer_expires_at),
    handoffs: r.handoffs,
    reopenCount: r.reopen_count,
    linkedOrderId: r.linked_order_id,
    flags: r.flags,
    completionMethod: r.completion_method as WorkOrder['completionMethod'],
    pack: r.pack_id && r.pack_version ? { id: r.pack_id, version: r.pack_version } : null,
    verdict: (r.verdict as z.infer<typeof warrantyVerdict> | null) ?? null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    resolvedAt: iso(r.resolved_at),
    closedAt: iso(r.closed_at),
    actions: p ? actionsFrom(r.status as OrderStatus, partiesOf(p)) : [],
  };
}

export function presentEvent(e: EventRow) {
  return {
    seq: e.seq,
    action: e.action as OrderAction,
    fromStatus: e.from_status as OrderStatus | null,
    toStatus: e.to_status as OrderStatus | null,
    at: e.at.toISOString(),
    actor: { type: e.actor_type, name: e.actor_name, role: e.actor_role },
    reason: e.reason,
    data: (e.data ?? {}) as Record<string, unknown>,
  };
}

type Words = { 'zh-CN': string; 'en-US': string };

/**
 * The customer's timeline: plain words per step, no internal hand-offs, notes or refusals (the
 * customer sees that the order is being arranged, not which outlet said no).
 */
const PLAIN: Partial<Record<OrderAction, (e: EventRow) => Words>> = {
  register: () => ({ 'zh-CN': '您的服务请求已受理', 'en-US': 'Your request has been registered' }),
  close_on_call: () => ({ 'zh-CN': '已在电话中为您处理完毕', 'en-US': 'Resolved with you on the phone' }),
  accept: () => ({ 'zh-CN': '服务网点已接单', 'en-US': 'A service outlet has taken your order' }),
  assign: (e) => {
    const name = String((e.data as { technicianName?: string }).technicianName ?? '');
    return {
      'zh-CN': name ? `已安排服务工程师 ${name}` : '已安排服务工程师',
      'en-US': name ? `Technician ${name} is assigned` : 'A technician is assigned',
    };
  },
  book: () => ({ 'zh-CN': '已与您预约上门时间', 'en-US': 'A visit time is booked with you' }),
  reschedule: () => ({ 'zh-CN': '上门时间已改约', 'en-US': 'The visit time was changed' }),
  depart: () => ({ 'zh-CN': '服务工程师已出发', 'en-US': 'The technician is on the way' }),
  check_in: () => ({ 'zh-CN': '服务工程师已到达', 'en-US': 'The technician has arrived' }),
  quote: () => ({ 'zh-CN': '请确认维修报价', 'en-US': 'Please review the repair quote' }),
  quote_decision: () => ({ 'zh-CN': '报价已确认', 'en-US': 'The quote was answered' }),
  wait_parts: () => ({ 'zh-CN': '正在等待配件', 'en-US': 'Waiting for parts' }),
  to_factory: () => ({ 'zh-CN': '产品已送厂维修', 'en-US': 'The product went to the factory for repair' }),
  revisit: () => ({
    'zh-CN': '需要再次上门，将与您另约时间',
    'en-US': 'Another visit is needed; we will book it with you',
  }),
  complete: () => ({ 'zh-CN': '服务已完成', 'en-US': 'The service is complete' }),
  close: () => ({ 'zh-CN': '回访完成，工单已办结', 'en-US': 'Follow-up call done; the order is closed' }),
  reopen: () => ({ 'zh-CN': '问题未解决，已重新为您处理', 'en-US': 'Not solved yet; we are working on it again' }),
  cancel: () => ({ 'zh-CN': '服务请求已取消', 'en-US': 'The request was cancelled' }),
};

export function publicSteps(events: EventRow[]) {
  return events.flatMap((e) => {
    const words = PLAIN[e.action as OrderAction];
    return words ? [{ at: e.at.toISOString(), status: e.to_status as OrderStatus | null, text: words(e) }] : [];
  });
}
