import type { Milestone, WorkOrder } from '@aftercare/contracts';
import { Empty, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMilestones } from '../../api/sla.ts';
import { useApiRoutes } from '../../api/work-orders.ts';
import { formatDateTime } from '../../components/format.ts';
import { RecordSection } from '../../components/RecordPage.tsx';
import { useNow } from '../field/use-now.ts';
import { explainLines, targetText } from '../sla-board/milestone-explain.ts';
import { durationText, nameIn } from '../sla-board/sla-format.ts';
import { hasRoute } from './order-values.ts';

const STATUS_COLORS: Record<Milestone['status'], string> = {
  open: 'processing',
  paused: 'gold',
  met: 'green',
  missed: 'red',
  cancelled: 'default',
};

/**
 * The order's promises (section G): each milestone with its target, start, due and stop times, its
 * status (late in red), pauses with their reasons, a customer-caused marker and the engine's
 * explanation in plain words. Pausing and resuming the clock are order steps in the page header
 * (OrderActions); a step refreshes this panel (its query sits under the order's key).
 */
export function OrderMilestones({ order }: { order: WorkOrder }) {
  const { t, i18n } = useTranslation();
  const routes = useApiRoutes();
  const routed = hasRoute(routes.data, 'GET /work-orders/:id/milestones');
  const milestones = useMilestones(order.id, routed);
  const now = useNow(30_000);
  if (!routed || milestones.isError) return null;
  const tr = t as unknown as (k: string, o?: object) => string;

  return (
    <RecordSection title={t('milestones.title')} testId="order-milestones">
      <Table<Milestone>
        size="small"
        rowKey="id"
        pagination={false}
        loading={milestones.isLoading}
        dataSource={milestones.data ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('milestones.empty')} /> }}
        expandable={{
          rowExpandable: () => true,
          expandedRowRender: (m) => (
            <Flex vertical gap={4} style={{ paddingInline: 8 }} data-testid={`milestone-why-${m.key}`}>
              <Typography.Text type="secondary">{t('milestones.why')}</Typography.Text>
              {explainLines(t, m, now).map((line) => (
                <Typography.Text key={line}>· {line}</Typography.Text>
              ))}
              {m.pauses.length ? (
                <>
                  <Typography.Text type="secondary">{t('milestones.pauses')}</Typography.Text>
                  {m.pauses.map((p) => (
                    <Typography.Text key={p.from}>
                      ·{' '}
                      {tr('milestones.pauseLine', {
                        reason: tr(`milestones.pauseReasons.${p.reason}`, { defaultValue: p.reason }),
                        from: formatDateTime(p.from),
                        to: p.to ? formatDateTime(p.to) : t('milestones.stillPaused'),
                      })}
                    </Typography.Text>
                  ))}
                </>
              ) : null}
            </Flex>
          ),
        }}
        columns={[
          {
            key: 'name',
            title: t('milestones.name'),
            render: (_, m) => (
              <Flex gap={4} align="center" wrap>
                <span>{nameIn(m.name, i18n.language)}</span>
                {m.customerCaused ? <Tag color="purple">{t('milestones.customerCaused')}</Tag> : null}
              </Flex>
            ),
          },
          {
            key: 'target',
            title: t('milestones.target'),
            render: (_, m) => `${targetText(t, m)} · ${t(`milestones.clock.${m.clock}`)}`,
          },
          { dataIndex: 'startedAt', title: t('milestones.startedAt'), render: formatDateTime },
          { dataIndex: 'dueAt', title: t('milestones.dueAt'), render: formatDateTime },
          { dataIndex: 'stoppedAt', title: t('milestones.stoppedAt'), render: formatDateTime },
          {
            key: 'status',
            title: t('milestones.status'),
            render: (_, m) => (
              <Flex gap={4} wrap>
                <Tag color={STATUS_COLORS[m.status]} data-testid={`milestone-status-${m.key}`}>
                  {t(`milestones.statuses.${m.status}`)}
                </Tag>
                {m.breached && m.status !== 'missed' ? <Tag color="red">{t('milestones.late')}</Tag> : null}
              </Flex>
            ),
          },
          {
            key: 'elapsed',
            title: '',
            render: (_, m) => (
              <Typography.Text type="secondary">
                {m.elapsedMinutes === null ? '' : t('milestones.elapsed', { time: durationText(t, m.elapsedMinutes) })}
                {m.pausedMinutes ? ` · ${t('milestones.pausedFor', { time: durationText(t, m.pausedMinutes) })}` : ''}
              </Typography.Text>
            ),
          },
        ]}
      />
    </RecordSection>
  );
}
