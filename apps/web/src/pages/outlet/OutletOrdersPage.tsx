import type { WorkOrder } from '@aftercare/contracts';
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Space, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useWorkOrders } from '../../api/work-orders.ts';
import { useCategoryNames } from '../../components/pickers.tsx';
import { OUTLET_TABS, type OutletTab, shanghaiDate, windowText } from '../field/field-helpers.ts';
import { useActiveWindows } from '../field/order-view.ts';
import { OutletAtRisk } from '../sla-board/OutletAtRisk.tsx';
import { AssignModal, BookModal } from './OrderModals.tsx';
import { addressText, OrderStatusTag, useOutletId } from './outlet-shared.tsx';

const TAB_KEYS = Object.keys(OUTLET_TABS) as OutletTab[];

/** The outlet's own orders by state: assign or reassign a technician, book or move the visit. */
export default function OutletOrdersPage() {
  const { t } = useTranslation();
  const { outletId } = useOutletId();
  const { message } = App.useApp();
  const categoryName = useCategoryNames();
  const [params, setParams] = useSearchParams();
  const tab = (TAB_KEYS.includes(params.get('tab') as OutletTab) ? params.get('tab') : 'toAssign') as OutletTab;
  const [page, setPage] = useState(1);
  // "To assign" is every order a technician may still be assigned to that has none: filtered here
  // (the list has no such filter), so that tab reads one long page.
  const toAssign = tab === 'toAssign';
  const orders = useWorkOrders({
    status: [...OUTLET_TABS[tab]],
    page: toAssign ? 1 : page,
    pageSize: toAssign ? 200 : 20,
  });
  const [assigning, setAssigning] = useState<WorkOrder | null>(null);
  const [booking, setBooking] = useState<WorkOrder | null>(null);

  const items = (orders.data?.items ?? []).filter((o) => !toAssign || !o.technician);
  const { windows } = useActiveWindows(items);

  const columns: ColumnsType<WorkOrder> = [
    {
      title: t('field.number'),
      width: 190,
      render: (_, o) => (
        <Flex vertical gap={4} align="start">
          <Link to={`/orders/${o.id}`}>{o.number}</Link>
          <OrderStatusTag status={o.status} />
        </Flex>
      ),
    },
    {
      title: t('field.orderType'),
      width: 150,
      render: (_, o) => {
        const code = o.categoryCode ?? o.product?.categoryCode;
        return (
          <Flex vertical>
            <span>{t(`field.type.${o.type}`)}</span>
            {code ? <Typography.Text type="secondary">{categoryName(code, o.brandId)}</Typography.Text> : null}
          </Flex>
        );
      },
    },
    {
      title: t('field.customer'),
      render: (_, o) => (
        <Flex vertical>
          <span>
            {o.contactName} <Typography.Text type="secondary">{o.contactPhone}</Typography.Text>
          </span>
          <Typography.Text type="secondary">{addressText(o)}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('field.technician'),
      width: 150,
      render: (_, o) =>
        o.technician ? (
          <Flex vertical>
            <span>{o.technician.name}</span>
            <Typography.Text type="secondary">{o.technician.licenceNo ?? ''}</Typography.Text>
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      title: t('field.appointment'),
      width: 130,
      render: (_, o) => {
        const w = windows.get(o.id);
        return w ? (
          <Flex vertical>
            <span>{shanghaiDate(w.start)}</span>
            <Typography.Text strong>{windowText(w)}</Typography.Text>
          </Flex>
        ) : (
          '—'
        );
      },
    },
    {
      title: t('common.actions'),
      width: 190,
      render: (_, o) => (
        <Space wrap size={6}>
          {o.actions.includes('assign') ? (
            <Button size="small" type={o.technician ? 'default' : 'primary'} onClick={() => setAssigning(o)}>
              {o.technician ? t('field.orders.reassign') : t('field.orders.assign')}
            </Button>
          ) : null}
          {o.actions.includes('book') || o.actions.includes('reschedule') ? (
            <Button size="small" onClick={() => setBooking(o)}>
              {o.actions.includes('book') ? t('field.orders.book') : t('field.orders.rebook')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="outlet-orders">
      <Flex justify="space-between" align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('field.orders.title')}
        </Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={() => void orders.refetch()} loading={orders.isFetching}>
          {t('field.refresh')}
        </Button>
      </Flex>
      {outletId ? null : <Alert type="warning" showIcon title={t('field.noOutlet')} />}
      <OutletAtRisk />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => {
            setPage(1);
            setParams({ tab: k }, { replace: true });
          }}
          items={TAB_KEYS.map((k) => ({ key: k, label: t(`field.orders.tabs.${k}`) }))}
        />
        <Table<WorkOrder>
          rowKey="id"
          columns={columns}
          dataSource={items}
          loading={orders.isFetching}
          scroll={{ x: 960 }}
          pagination={{
            current: toAssign ? 1 : page,
            pageSize: toAssign ? 200 : 20,
            total: toAssign ? items.length : (orders.data?.total ?? 0),
            onChange: setPage,
            showTotal: (n) => t('common.total', { count: n }),
          }}
        />
      </Card>
      {assigning ? (
        <AssignModal
          order={assigning}
          outletId={outletId}
          onClose={(name) => {
            if (name) void message.success(t('field.orders.assigned', { name }));
            setAssigning(null);
          }}
        />
      ) : null}
      {booking ? (
        <BookModal
          order={booking}
          current={windows.get(booking.id) ?? null}
          onClose={(done) => {
            if (done) void message.success(t('field.orders.booked'));
            setBooking(null);
          }}
        />
      ) : null}
    </Flex>
  );
}
