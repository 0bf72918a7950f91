import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import {
  type ReturnVisitTask,
  useApiRoutes,
  useReturnVisitStep,
  useReturnVisits,
  useWorkOrder,
} from '../../api/work-orders.ts';
import { formatDateTime } from '../../components/format.ts';
import { BrandSelect } from '../../components/pickers.tsx';
import { OrderStatusTag } from './order-labels.tsx';
import { hasRoute, isOverdue, type OutcomeValues } from './order-values.ts';

/** Open return-visit tasks by due time (overdue first in red): start the call, then record the outcome. */
export default function ReturnVisitsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const routes = useApiRoutes();
  const routed = hasRoute(routes.data, 'GET /return-visits');
  const [brandId, setBrandId] = useState<string | undefined>();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const tasks = useReturnVisits(
    { status: 'open', brandId, overdue: overdueOnly ? 'true' : undefined, ...page },
    routed,
  );
  const step = useReturnVisitStep();
  const [recording, setRecording] = useState<ReturnVisitTask | null>(null);
  const now = tasks.dataUpdatedAt || Date.now();
  const rows = [...(tasks.data?.items ?? [])].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));

  const start = async (task: ReturnVisitTask) => {
    try {
      await step.mutateAsync({ id: task.id, step: 'start' });
      setRecording(task);
    } catch (err) {
      if (err instanceof ApiError) void message.error(err.detail);
    }
  };

  return (
    <Flex vertical gap={16} data-testid="return-visits-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('returnVisits.title')}
      </Typography.Title>
      {routes.data !== undefined && !routed ? <Alert type="info" showIcon title={t('returnVisits.notYet')} /> : null}
      <Card size="small">
        <Flex gap={16} align="center" wrap>
          {me?.scope.brandIds.length === 1 ? null : (
            <BrandSelect placeholder={t('orders.brand')} value={brandId} onChange={setBrandId} />
          )}
          <Space>
            <Switch checked={overdueOnly} onChange={setOverdueOnly} />
            <span>{t('returnVisits.overdue')}</span>
          </Space>
        </Flex>
      </Card>
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<ReturnVisitTask>
          rowKey="id"
          loading={tasks.isFetching && !tasks.data}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          rowClassName={(r) => (r.overdue || isOverdue(r.dueAt, now) ? 'row-overdue' : '')}
          onRow={(r) => ({ style: r.overdue || isOverdue(r.dueAt, now) ? { background: '#fff1f0' } : undefined })}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: tasks.data?.total ?? 0,
            showTotal: (count) => t('common.total', { count }),
            onChange: (p, s) => setPage({ page: p, pageSize: s }),
          }}
          columns={[
            {
              key: 'order',
              title: t('returnVisits.order'),
              render: (_, r) => <Link to={`/orders/${r.order.id}`}>{r.order.number}</Link>,
            },
            {
              key: 'status',
              title: t('orders.status'),
              render: (_, r) => <OrderStatusTag status={r.order.status as 'resolved'} />,
            },
            {
              dataIndex: 'dueAt',
              title: t('returnVisits.due'),
              render: (v: string, r) => (
                <Space>
                  {formatDateTime(v)}
                  {r.overdue || isOverdue(v, now) ? <Tag color="red">{t('returnVisits.overdue')}</Tag> : null}
                </Space>
              ),
            },
            { dataIndex: 'attempts', title: t('returnVisits.attempts') },
            { dataIndex: 'notes', title: t('returnVisits.notes'), render: (v: string | null) => v ?? t('common.none') },
            {
              key: 'actions',
              title: t('common.actions'),
              render: (_, r) =>
                r.claimedBy || r.order.status === 'return_visit' ? (
                  <Button size="small" type="primary" onClick={() => setRecording(r)} data-testid="rv-outcome">
                    {t('returnVisits.outcome')}
                  </Button>
                ) : (
                  <Button
                    size="small"
                    type="primary"
                    ghost
                    loading={step.isPending && step.variables?.id === r.id}
                    onClick={() => void start(r)}
                    data-testid="rv-start"
                  >
                    {t('returnVisits.start')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      {recording ? <OutcomeModal task={recording} onClose={() => setRecording(null)} /> : null}
    </Flex>
  );
}

function OutcomeModal({ task, onClose }: { task: ReturnVisitTask; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<OutcomeValues>();
  const outcome = Form.useWatch('outcome', form);
  const step = useReturnVisitStep();
  const [error, setError] = useState<string | null>(null);
  // Who to call and what was done: the order's contact, outlet, technician and resolution.
  const { data: order } = useWorkOrder(task.order.id);

  const save = async (values: OutcomeValues) => {
    setError(null);
    try {
      await step.mutateAsync({ id: task.id, step: 'outcome', values });
      void message.success(t('returnVisits.saved'));
      onClose();
    } catch (err) {
      if (err instanceof ApiError) setError(err.detail);
    }
  };

  return (
    <Modal
      open
      title={t('returnVisits.outcomeTitle', { number: task.order.number })}
      okText={t('returnVisits.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: step.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {order ? (
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 12 }}
          items={[
            {
              key: 'contact',
              label: t('orders.contact'),
              children: (
                <Space>
                  {order.contactName}
                  {/* Masked (138****1234) for roles without the phone capability: nothing to copy then. */}
                  <Typography.Text copyable={!order.contactPhone.includes('*')}>{order.contactPhone}</Typography.Text>
                </Space>
              ),
            },
            { key: 'type', label: t('orders.type'), children: t(`orders.types.${order.type}`) },
            {
              key: 'who',
              label: t('orders.outlet'),
              children: [order.outlet?.name, order.technician?.name].filter(Boolean).join(' · ') || t('common.none'),
            },
            { key: 'resolved', label: t('orders.resolvedAt'), children: formatDateTime(order.resolvedAt) },
          ]}
        />
      ) : null}
      <Form<OutcomeValues>
        form={form}
        layout="vertical"
        initialValues={{ outcome: 'satisfied' }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item name="outcome" label={t('returnVisits.outcome')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={(['satisfied', 'unsatisfied', 'unreachable'] as const).map((v) => ({
              value: v,
              label: t(`returnVisits.outcomes.${v}`),
            }))}
          />
        </Form.Item>
        {outcome === 'unsatisfied' ? (
          <Form.Item name="reason" label={t('returnVisits.reason')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        ) : null}
        <Form.Item name="notes" label={t('returnVisits.notes')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}
