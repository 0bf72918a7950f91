import { Flex, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type OrderEvent, useTimeline } from '../../api/work-orders.ts';
import { formatDateTime } from '../../components/format.ts';
import { RecordSection } from '../../components/RecordPage.tsx';
import { OrderStatusTag } from './order-labels.tsx';
import { dataSummary } from './order-values.ts';

/** The full timeline: action, from → to, who (name and role), when (Shanghai), reason and data. */
export function OrderTimeline({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data, isLoading } = useTimeline(id);
  return (
    <RecordSection title={t('orders.panels.timeline')} testId="order-timeline">
      <div style={{ padding: '16px 16px 0' }}>
        {isLoading ? null : (
          <Timeline
            items={(data ?? []).map((e) => ({
              key: e.seq,
              color: eventColor(e),
              content: <EventLine e={e} />,
            }))}
          />
        )}
      </div>
    </RecordSection>
  );
}

const eventColor = (e: OrderEvent) =>
  e.action === 'cancel' || e.action === 'refuse' || e.action === 'expire'
    ? 'red'
    : e.action === 'note'
      ? 'gray'
      : e.toStatus === 'closed' || e.toStatus === 'resolved'
        ? 'green'
        : 'blue';

function EventLine({ e }: { e: OrderEvent }) {
  const { t } = useTranslation();
  const role = e.actor.role
    ? (t as unknown as (k: string, d: object) => string)(`enums.role.${e.actor.role}`, { defaultValue: e.actor.role })
    : null;
  const actor =
    e.actor.type === 'system' || !e.actor.name
      ? t('orders.timeline.system')
      : role
        ? t('orders.timeline.byActor', { name: e.actor.name, role })
        : e.actor.name;
  const summary = dataSummary(e.data, 200, formatDateTime);
  return (
    <Flex vertical gap={2} data-testid="timeline-event">
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong>{t(`orders.actions.${e.action}`)}</Typography.Text>
        {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus ? (
          <span>
            <OrderStatusTag status={e.fromStatus} /> → <OrderStatusTag status={e.toStatus} />
          </span>
        ) : e.toStatus && !e.fromStatus ? (
          <span>
            → <OrderStatusTag status={e.toStatus} />
          </span>
        ) : null}
        <Typography.Text type="secondary">{actor}</Typography.Text>
        <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
      </Flex>
      {e.reason ? <Typography.Text>{t('orders.timeline.reason', { reason: e.reason })}</Typography.Text> : null}
      {summary ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {summary}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
