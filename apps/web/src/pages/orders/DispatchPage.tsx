import type { WorkOrder } from '@aftercare/contracts';
import { SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import {
  BOARD_VIEWS,
  type BoardView,
  type Candidates,
  useApiRoutes,
  useCandidates,
  useDispatchBoard,
  useStep,
} from '../../api/work-orders.ts';
import { formatDateTime } from '../../components/format.ts';
import { enumLabel } from '../../components/labels.tsx';
import { BrandSelect, OutletSelect, RegionSelect, useCategoryNames } from '../../components/pickers.tsx';
import { OrderFlags, OrderStatusTag } from './order-labels.tsx';
import { ageOf } from './order-values.ts';

/** The dispatch board: orders nobody holds (unassigned, refused) or holds too long (overdue), every 30 s. */
export default function DispatchPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const routes = useApiRoutes();
  const [view, setView] = useState<BoardView>('unassigned');
  const [brandId, setBrandId] = useState<string | undefined>();
  const [regionId, setRegionId] = useState<string | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const routed = Boolean(routes.data?.has('GET /dispatch/board'));
  const board = useDispatchBoard(view, { brandId, regionId, ...page }, routed);
  const [dispatching, setDispatching] = useState<WorkOrder | null>(null);
  const categoryName = useCategoryNames();
  const singleBrand = me?.scope.brandIds.length === 1;
  const now = board.dataUpdatedAt || Date.now();

  const age = (o: WorkOrder) => {
    // Overdue: how long past the acceptance deadline; else how long since registration.
    const a = ageOf(view === 'overdue' && o.offerExpiresAt ? o.offerExpiresAt : o.createdAt, now);
    return a.h ? t('dispatch.ageValue', { h: a.h, m: a.m }) : t('dispatch.ageMinutes', { m: a.m });
  };

  return (
    <Flex vertical gap={16} data-testid="dispatch-page">
      <Flex justify="space-between" align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('dispatch.title')}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('dispatch.autoRefresh')}
          {board.dataUpdatedAt
            ? ` · ${t('dispatch.refreshedAt', { at: formatDateTime(new Date(now).toISOString()) })}`
            : ''}
        </Typography.Text>
      </Flex>
      {routes.data && !routed ? <Alert type="info" showIcon title={t('dispatch.notYet')} /> : null}
      <Card size="small">
        <Flex gap={12} wrap>
          {singleBrand ? null : (
            <BrandSelect
              placeholder={t('orders.brand')}
              value={brandId}
              onChange={(v) => {
                setBrandId(v);
                setRegionId(undefined);
              }}
            />
          )}
          <RegionSelect brandId={brandId} placeholder={t('dispatch.region')} value={regionId} onChange={setRegionId} />
        </Flex>
      </Card>
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={view}
          onChange={(k) => {
            setView(k as BoardView);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          items={BOARD_VIEWS.map((v) => ({ key: v, label: t(`dispatch.views.${v}`) }))}
        />
        <Table<WorkOrder>
          rowKey="id"
          size="middle"
          loading={board.isFetching && !board.data}
          dataSource={board.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: board.data?.total ?? 0,
            showTotal: (count) => t('common.total', { count }),
            onChange: (p, s) => setPage({ page: p, pageSize: s }),
          }}
          columns={[
            {
              dataIndex: 'number',
              title: t('orders.number'),
              render: (v: string, o) => <Link to={`/orders/${o.id}`}>{v}</Link>,
            },
            { dataIndex: 'status', title: t('orders.status'), render: (v) => <OrderStatusTag status={v} /> },
            { dataIndex: 'type', title: t('orders.type'), render: (v: WorkOrder['type']) => t(`orders.types.${v}`) },
            { key: 'customer', title: t('orders.customer'), render: (_, o) => o.customer.name },
            {
              key: 'category',
              title: t('orders.category'),
              render: (_, o) => {
                const code = o.product?.categoryCode ?? o.categoryCode;
                return code ? categoryName(code, o.brandId) : t('common.none');
              },
            },
            {
              key: 'address',
              title: t('orders.address'),
              render: (_, o) => o.address.divisionName ?? o.address.divisionCode,
            },
            {
              key: 'outlet',
              title: t('orders.outlet'),
              render: (_, o) => o.outlet?.name ?? t('common.none'),
              hidden: view !== 'overdue',
            },
            { key: 'age', title: t('dispatch.age'), render: (_, o) => age(o) },
            {
              dataIndex: 'handoffs',
              title: t('dispatch.handoffs'),
              render: (v: number) => (v > 0 ? <Tag color={v > 2 ? 'red' : 'orange'}>{v}</Tag> : v),
            },
            { key: 'flags', title: t('orders.flags'), render: (_, o) => <OrderFlags order={o} /> },
            {
              key: 'actions',
              title: t('common.actions'),
              fixed: 'right',
              render: (_, o) =>
                o.actions.includes('redirect') ? (
                  <Button
                    size="small"
                    type="primary"
                    ghost
                    icon={<SendOutlined />}
                    onClick={() => setDispatching(o)}
                    data-testid="dispatch-to"
                  >
                    {t('dispatch.dispatchTo')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      {dispatching ? <DispatchModal order={dispatching} onClose={() => setDispatching(null)} /> : null}
    </Flex>
  );
}

type Candidate = Candidates['items'][number];

/** Dispatch to…: the ranked candidates with why, or any outlet, with a reason → POST /redirect. */
function DispatchModal({ order, onClose }: { order: WorkOrder; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const routes = useApiRoutes();
  const candidates = useCandidates(order.id, Boolean(routes.data?.has('GET /work-orders/:id/candidates')));
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
            { dataIndex: 'rank', title: t('dispatch.rank'), width: 60 },
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
            { key: 'tier', title: t('dispatch.tier'), render: (_, c) => enumLabel(t, 'outletTier', c.outlet.tier) },
            {
              dataIndex: 'coverageLevel',
              title: t('dispatch.coverage'),
              render: (v: number | null) =>
                v === null ? t('common.none') : t(`dispatch.coverageLevels.${String(v) as '1'}`),
            },
            {
              key: 'load',
              title: t('dispatch.load'),
              render: (_, c) => (
                <>
                  {c.openOrders}/{c.capacityPerDay}{' '}
                  {c.overCapacity ? <Tag color="red">{t('dispatch.overCapacity')}</Tag> : null}
                </>
              ),
            },
            { dataIndex: 'kpiScore', title: t('dispatch.kpi') },
            { dataIndex: 'why', title: t('dispatch.why'), render: (why: string[]) => why.join('；') },
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
