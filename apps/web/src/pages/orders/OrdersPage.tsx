import { ORDER_STATUSES, ORDER_TYPES, type WorkOrder } from '@aftercare/contracts';
import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { useWorkOrders } from '../../api/work-orders.ts';
import { BrandFilter, TextFilter } from '../../components/filters.tsx';
import { formatDateTime } from '../../components/format.ts';
import { ListPage } from '../../components/ListPage.tsx';
import { useCategoryNames } from '../../components/pickers.tsx';
import { useListParams } from '../../components/useListParams.ts';
import { OrderFlags, OrderStatusTag } from './order-labels.tsx';
import { splitList } from './order-values.ts';

type Filters = { q?: string; status?: string; open?: string; type?: string; brandId?: string };
const FILTERS = ['q', 'status', 'open', 'type', 'brandId'] as const;

/** Every work order the caller may see, filtered by status, open, type, brand and number. */
export default function OrdersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useListParams<Filters>(FILTERS);
  const { status, ...rest } = list.params;
  const query = useWorkOrders({ ...rest, status: splitList(status) });
  const categoryName = useCategoryNames();
  const { data: me } = useMe();
  const singleBrand = me?.scope.brandIds.length === 1;

  return (
    <ListPage<WorkOrder, Filters>
      title={t('orders.title')}
      testId="orders-page"
      list={list}
      rowKey="id"
      query={query}
      onRowClick={(row) => navigate(`/orders/${row.id}`)}
      filters={
        <>
          <TextFilter name="q" placeholder={t('orders.numberPlaceholder')} width={200} />
          {/* Several statuses travel as one comma-separated URL value. */}
          <Form.Item
            name="status"
            getValueProps={(v: string | string[] | undefined) => ({ value: typeof v === 'string' ? splitList(v) : v })}
          >
            <Select
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              style={{ minWidth: 220 }}
              placeholder={t('orders.status')}
              options={ORDER_STATUSES.map((s) => ({ value: s, label: t(`orders.statuses.${s}`) }))}
            />
          </Form.Item>
          <Form.Item name="open">
            <Select
              allowClear
              style={{ width: 150 }}
              placeholder={t('orders.open')}
              options={[
                { value: 'true', label: t('orders.openOnly') },
                { value: 'false', label: t('orders.closedOnly') },
              ]}
            />
          </Form.Item>
          <Form.Item name="type">
            <Select
              allowClear
              style={{ width: 150 }}
              placeholder={t('orders.type')}
              options={ORDER_TYPES.map((s) => ({ value: s, label: t(`orders.types.${s}`) }))}
            />
          </Form.Item>
          {singleBrand ? null : <BrandFilter placeholder={t('orders.brand')} />}
        </>
      }
      columns={[
        { dataIndex: 'number', title: t('orders.number'), render: (v: string) => <strong>{v}</strong> },
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
        { key: 'outlet', title: t('orders.outlet'), render: (_, o) => o.outlet?.name ?? t('common.none') },
        { key: 'technician', title: t('orders.technician'), render: (_, o) => o.technician?.name ?? t('common.none') },
        { dataIndex: 'createdAt', title: t('orders.createdAt'), render: formatDateTime },
        { key: 'flags', title: t('orders.flags'), render: (_, o) => <OrderFlags order={o} /> },
      ]}
    />
  );
}
