import type { Milestone, WorkOrder } from '@aftercare/contracts';
import { App, Button, Empty, Flex, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ClockBody, useClockStep, useMilestones } from '../../api/sla.ts';
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
 * explanation in plain words; and the pause / resume clock buttons when the order offers them.
 */
export function OrderMilestones({ order }: { order: WorkOrder }) {
  const { t, i18n } = useTranslation();
  const routes = useApiRoutes();
  const routed = hasRoute(routes.data, 'GET /work-orders/:id/milestones');
  const milestones = useMilestones(order.id, routed);
  const now = useNow(30_000);
  const canClock = hasRoute(routes.data, 'POST /work-orders/:id/clock');
  const [pausing, setPausing] = useState(false);
  if (!routed || milestones.isError) return null;
  const tr = t as unknown as (k: string, o?: object) => string;

  const clockButtons = canClock ? (
    <Space>
      {order.actions.includes('pause_clock') ? (
        <Button size="small" onClick={() => setPausing(true)} data-testid="clock-pause">
          {t('milestones.pause')}
        </Button>
      ) : null}
      {order.actions.includes('resume_clock') ? <ResumeButton order={order} /> : null}
    </Space>
  ) : null;

  return (
    <RecordSection title={t('milestones.title')} extra={clockButtons} testId="order-milestones">
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
      {pausing ? <PauseModal order={order} onClose={() => setPausing(false)} /> : null}
    </RecordSection>
  );
}

function ResumeButton({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const step = useClockStep();
  return (
    <Button
      size="small"
      type="primary"
      ghost
      loading={step.isPending}
      data-testid="clock-resume"
      onClick={() =>
        step.mutate(
          { order, body: { action: 'resume' } },
          {
            onSuccess: () => void message.success(t('milestones.resumed')),
            onError: (e) => void message.error(e.message),
          },
        )
      }
    >
      {t('milestones.resume')}
    </Button>
  );
}

function PauseModal({ order, onClose }: { order: WorkOrder; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ pauseReason: NonNullable<ClockBody['pauseReason']>; reason?: string }>();
  const step = useClockStep();
  const submit = async () => {
    const v = await form.validateFields();
    step.mutate(
      { order, body: { action: 'pause', pauseReason: v.pauseReason, ...(v.reason ? { reason: v.reason } : {}) } },
      {
        onSuccess: () => {
          void message.success(t('milestones.paused'));
          onClose();
        },
        onError: (e) => void message.error(e.message),
      },
    );
  };
  return (
    <Modal
      open
      title={t('milestones.pauseTitle', { number: order.number })}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={step.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ pauseReason: 'waiting_customer' }}>
        <Form.Item name="pauseReason" label={t('milestones.pauseReason')} rules={[{ required: true }]}>
          <Select
            options={(['waiting_customer', 'waiting_parts'] as const).map((r) => ({
              value: r,
              label: t(`milestones.pauseReasons.${r}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('milestones.note')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
