import type { WorkOrder } from '@aftercare/contracts';
import { Alert, App, Flex, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { type Candidates, useApiRoutes, useCandidates, useStep } from '../../api/work-orders.ts';
import { DivisionName } from '../../components/DivisionPicker.tsx';
import { formatDateTime } from '../../components/format.ts';
import { enumLabel } from '../../components/labels.tsx';
import { OutletSelect } from '../../components/pickers.tsx';
import { hasRoute } from './order-values.ts';

type Candidate = Candidates['items'][number];

/** Short columns keep to one line; the reasons take the rest. */
const nowrap = {
  onCell: () => ({ style: { whiteSpace: 'nowrap' as const } }),
  onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' as const } }),
};

/** Dispatch to…: the ranked candidates with why, or any outlet, with a reason → POST /redirect. */
export function DispatchModal({
  order,
  onClose,
}: {
  order: Pick<WorkOrder, 'id' | 'version' | 'number'>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const routes = useApiRoutes();
  const candidates = useCandidates(order.id, hasRoute(routes.data, 'GET /work-orders/:id/candidates'));
  const step = useStep();
  const [form] = Form.useForm<{ outletId?: string; reason: string }>();
  const outletId = Form.useWatch('outletId', form);
  const [error, setError] = useState<string | null>(null);

  const send = async (v: { outletId?: string; reason: string }) => {
    setError(null);
    try {
      const res = (await step.mutateAsync({
        order,
        path: 'redirect',
        body: { outletId: v.outletId, reason: v.reason.trim() },
      })) as Partial<WorkOrder> | undefined;
      // The answer is the order, now offered to the chosen outlet.
      const name =
        res?.outlet?.name ?? candidates.data?.items.find((c) => c.outlet.id === v.outletId)?.outlet.name ?? '';
      void message.success(t('dispatch.sent', { number: order.number, outlet: name }));
      onClose();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err.status === 412 ? t('orders.form.stale') : err.detail);
    }
  };

  return (
    <Modal
      open
      width={960}
      title={t('dispatch.dispatchTitle', { number: order.number })}
      okText={t('dispatch.send')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: step.isPending, disabled: !outletId }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Typography.Text strong>{t('dispatch.candidates')}</Typography.Text>
        <Table<Candidate>
          size="small"
          rowKey={(c) => c.outlet.id}
          pagination={false}
          loading={candidates.isLoading}
          dataSource={candidates.data?.items ?? []}
          locale={{ emptyText: t('dispatch.noCandidates') }}
          rowSelection={{
            type: 'radio',
            selectedRowKeys: outletId ? [outletId] : [],
            onChange: (keys) => form.setFieldValue('outletId', keys[0] as string),
          }}
          onRow={(c) => ({ onClick: () => form.setFieldValue('outletId', c.outlet.id), style: { cursor: 'pointer' } })}
          columns={[
            { ...nowrap, dataIndex: 'rank', title: t('dispatch.rank'), width: 60 },
            {
              key: 'outlet',
              title: t('orders.outlet'),
              render: (_, c) => (
                <>
                  {c.outlet.name} <Typography.Text type="secondary">{c.outlet.code}</Typography.Text>{' '}
                  {c.pinned ? <Tag color="purple">{t('dispatch.pinned')}</Tag> : null}
                </>
              ),
            },
            {
              ...nowrap,
              key: 'tier',
              title: t('dispatch.tier'),
              render: (_, c) => enumLabel(t, 'outletTier', c.outlet.tier),
            },
            {
              ...nowrap,
              dataIndex: 'coverageLevel',
              title: t('dispatch.coverage'),
              render: (v: number | null) =>
                v === null ? t('common.none') : t(`dispatch.coverageLevels.${String(v) as '1'}`),
            },
            {
              ...nowrap,
              key: 'load',
              title: t('dispatch.load'),
              render: (_, c) => (
                <>
                  {c.openOrders}/{c.capacityPerDay}{' '}
                  {c.overCapacity ? <Tag color="red">{t('dispatch.overCapacity')}</Tag> : null}
                </>
              ),
            },
            { ...nowrap, dataIndex: 'kpiScore', title: t('dispatch.kpi') },
            {
              key: 'why',
              title: t('dispatch.why'),
              // Built from the structured fields in the reader's language; the server's words on hover.
              render: (_, c) => (
                <Flex gap={4} wrap title={c.why.join('\n')}>
                  {c.pinned ? <Tag color="purple">{t('dispatch.whyPinned')}</Tag> : null}
                  {c.coverageCode ? (
                    <span>
                      {t('dispatch.whyCovers')} <DivisionName code={c.coverageCode} />
                    </span>
                  ) : null}
                  {c.status === 'probation' ? <span>{t('dispatch.whyProbation')}</span> : null}
                  <Typography.Text type="secondary">
                    {c.lastOfferedAt
                      ? t('dispatch.whyLastOffered', { at: formatDateTime(c.lastOfferedAt) })
                      : t('dispatch.whyNeverOffered')}
                  </Typography.Text>
                </Flex>
              ),
            },
          ]}
        />
        {candidates.data?.excluded.length ? (
          <Typography.Text type="secondary">
            {t('dispatch.excluded', { count: candidates.data.excluded.length })}
          </Typography.Text>
        ) : null}
        <Form
          form={form}
          layout="vertical"
          initialValues={{ reason: t('dispatch.reasonDefault') }}
          onFinish={(v) => void send(v)}
        >
          <Form.Item name="outletId" label={t('dispatch.chooseOutlet')} rules={[{ required: true }]}>
            <OutletSelect style={{ width: 360 }} />
          </Form.Item>
          <Form.Item name="reason" label={t('dispatch.reason')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={500} />
          </Form.Item>
        </Form>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Flex>
    </Modal>
  );
}
