import { MergeCellsOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Customer, useDuplicates, useMerge } from '../../api/customers.ts';
import { RecordSection } from '../../components/RecordPage.tsx';
import { primaryAddress, primaryPhone } from './customer-values.ts';

type Duplicate = { customer: Customer; reasons: ('phone' | 'name_and_division')[] };

/** Customers that may be this one (a shared phone, the same name in the same division), and the merge. */
export function Duplicates({ customer, canMerge }: { customer: Customer; canMerge: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data, isFetching } = useDuplicates(customer.status === 'merged' ? null : customer.id);
  const merge = useMerge(customer.id);
  if (customer.status === 'merged') return null;

  return (
    <RecordSection title={t('customers.duplicates')} testId="customer-duplicates">
      <Table<Duplicate>
        size="small"
        rowKey={(d) => d.customer.id}
        pagination={false}
        loading={isFetching}
        dataSource={data ?? []}
        locale={{ emptyText: t('customers.noDuplicates') }}
        columns={[
          {
            key: 'name',
            title: t('common.name'),
            render: (_, d) => <Link to={`/customers/${d.customer.id}`}>{d.customer.name}</Link>,
          },
          {
            key: 'phone',
            title: t('customers.primaryPhone'),
            render: (_, d) => primaryPhone(d.customer)?.number ?? '—',
          },
          {
            key: 'address',
            title: t('customers.primaryAddress'),
            render: (_, d) => {
              const a = primaryAddress(d.customer);
              return a ? `${a.divisionName ?? a.divisionCode} ${a.detail}` : '—';
            },
          },
          {
            dataIndex: 'reasons',
            title: t('customers.reasons'),
            render: (v: Duplicate['reasons']) => v.map((r) => t(`customers.reason.${r}`)).join('、'),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            hidden: !canMerge,
            render: (_, d) => (
              <Popconfirm
                title={t('customers.merge')}
                description={
                  <div style={{ maxWidth: 360 }}>
                    {t('customers.mergeConfirm', { other: d.customer.name, name: customer.name })}
                  </div>
                }
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true, loading: merge.isPending }}
                onConfirm={async () => {
                  try {
                    await merge.mutateAsync(d.customer.id);
                    void message.success(t('customers.merged'));
                  } catch {
                    // The request layer has shown the error.
                  }
                }}
              >
                <Button size="small" icon={<MergeCellsOutlined />} data-testid="customer-merge">
                  {t('customers.merge')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </RecordSection>
  );
}
