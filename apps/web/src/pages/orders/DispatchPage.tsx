import type { WorkOrder } from '@aftercare/contracts';
import { SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../api/auth.ts';
import {
  BOARD_VIEWS,
  type BoardView,
  type Offers,
  useApiRoutes,
  useDispatchBoard,
  useOrderPart,
} from '../../api/work-orders.ts';
import { formatDateTime } from '../../components/format.ts';
import { BrandSelect, RegionSelect, useCategoryNames } from '../../components/pickers.tsx';
import { DispatchModal } from './DispatchModal.tsx';
import { OrderFlags, OrderStatusTag } from './order-labels.tsx';
import { ageOf, hasRoute } from './order-values.ts';

/** The dispatch board: orders nobody holds (unassigned, refused) or holds too long (overdue), every 30 s. */
export default function DispatchPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const routes = useApiRoutes();
  const [view, setView] = useState<BoardView>('unassigned');
  const [brandId, setBrandId] = useState<string | undefined>();
  const [regionId, setRegionId] = useState<string | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const routed = hasRoute(routes.data, 'GET /dispatch/board');
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
      {routes.data !== undefined && !routed ? <Alert type="info" showIcon title={t('dispatch.notYet')} /> : null}
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
              key: 'lastReason',
              title: t('dispatch.lastReason'),
              hidden: view !== 'refused',
              render: (_, o) => <LastRefusal orderId={o.id} />,
            },
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

/** Why the last outlet let the order go: its refusal reason, or that the offer expired. */
function LastRefusal({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const { data } = useOrderPart<Offers>(orderId, 'offers', true);
  const last = data?.items
    .filter((f) => f.status === 'refused' || f.status === 'expired')
    .sort((a, b) => Date.parse(b.offeredAt) - Date.parse(a.offeredAt))[0];
  if (!last) return <>{data ? t('common.none') : '…'}</>;
  return (
    <span>
      <Tag color={last.status === 'refused' ? 'red' : 'orange'}>{t(`dispatch.offerStatuses.${last.status}`)}</Tag>
      {last.outlet.name}
      {last.reason ? `：${last.reason}` : ''}
    </span>
  );
}
