import type { OrderStatus, WorkOrder } from '@aftercare/contracts';
import { useQuery } from '@tanstack/react-query';
import { Empty, Table, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { request } from '../../api/client.ts';
import type { Page } from '../../api/resource.ts';
import { workOrderKeys } from '../../api/work-orders.ts';
import { formatDateTime } from '../../components/format.ts';
import { RecordSection } from '../../components/RecordPage.tsx';
import { OrderStatusTag } from '../orders/order-labels.tsx';

type Label = (key: string, o?: object) => string;

/**
 * The customer 360 view's orders: every work order the caller may see (open ones first in the
 * table) and the contact timeline — each contact with its channel, type and how it ended, including
 * those closed on the call.
 */
export function CustomerOrders({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const label = t as unknown as Label;
  const { data, isLoading } = useQuery({
    queryKey: workOrderKeys.list({ customerId, pageSize: 100 }),
    queryFn: ({ signal }) => request<Page<WorkOrder>>(`/work-orders?customerId=${customerId}&pageSize=100`, { signal }),
  });
  const orders = data?.items ?? [];
  const open = (s: OrderStatus) => s !== 'closed' && s !== 'cancelled';
  const sorted = [...orders].sort((a, b) => Number(open(b.status)) - Number(open(a.status)));
  return (
    <>
      <RecordSection title={t('customers.ordersTitle')}>
        <Table<WorkOrder>
          size="small"
          rowKey="id"
          loading={isLoading}
          pagination={false}
          dataSource={sorted}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customers.ordersNone')} /> }}
          columns={[
            {
              dataIndex: 'number',
              title: t('customers.orderNumber'),
              render: (v: string, o) => <Link to={`/orders/${o.id}`}>{v}</Link>,
            },
            {
              dataIndex: 'status',
              title: t('customers.orderStatus'),
              render: (s: OrderStatus) => <OrderStatusTag status={s} />,
            },
            { dataIndex: 'type', title: t('customers.orderType'), render: (v: string) => label(`orders.types.${v}`) },
            {
              key: 'product',
              title: t('customers.orderProduct'),
              render: (_, o) => o.product?.modelCode ?? o.product?.serial ?? o.categoryCode ?? '',
            },
            { key: 'outlet', title: t('customers.orderOutlet'), render: (_, o) => o.outlet?.name ?? '' },
            { dataIndex: 'createdAt', title: t('customers.orderCreated'), render: (v: string) => formatDateTime(v) },
          ]}
        />
      </RecordSection>
      <RecordSection title={t('customers.contactsTitle')}>
        {orders.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customers.ordersNone')} />
        ) : (
          <Timeline
            items={orders.map((o) => ({
              key: o.id,
              color: open(o.status) ? 'blue' : 'gray',
              content: (
                <Typography.Text>
                  {formatDateTime(o.createdAt)} · {label(`orders.channels.${o.channel}`)} ·{' '}
                  {label(`orders.types.${o.type}`)}
                  {' · '}
                  {o.disposition ? label(`orders.dispositions.${o.disposition}`) : label(`orders.statuses.${o.status}`)}
                  {o.faultDescription ? ` — ${o.faultDescription}` : ''}
                </Typography.Text>
              ),
            }))}
          />
        )}
      </RecordSection>
    </>
  );
}
