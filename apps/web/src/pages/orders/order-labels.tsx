import type { OrderStatus, WorkOrder } from '@aftercare/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATUS_COLORS } from './order-values.ts';

/** The coloured status tag of an order. */
export function OrderStatusTag({ status }: { status: OrderStatus | null | undefined }) {
  const { t } = useTranslation();
  if (!status) return <>{t('common.none')}</>;
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{t(`orders.statuses.${status}`)}</Tag>;
}

/** The flags on an order (fraud signals, repeats) and an urgent priority, as tags. */
export function OrderFlags({ order }: { order: Pick<WorkOrder, 'flags' | 'priority'> }) {
  const { t } = useTranslation();
  const label = (f: string) =>
    (t as unknown as (k: string, o: object) => string)(`orders.flagLabels.${f}`, { defaultValue: f });
  if (order.flags.length === 0 && order.priority !== 'urgent') return <>{t('common.none')}</>;
  return (
    <>
      {order.priority === 'urgent' ? <Tag color="red">{t('orders.priorities.urgent')}</Tag> : null}
      {order.flags.map((f) => (
        <Tag key={f} color="volcano">
          {label(f)}
        </Tag>
      ))}
    </>
  );
}
