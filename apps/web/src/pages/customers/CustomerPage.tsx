import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type Customer, customers } from '../../api/customers.ts';
import { useCan } from '../../auth/useAccess.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { EnumTag, EnumTags } from '../../components/labels.tsx';
import { useBrandNames } from '../../components/pickers.tsx';
import { RecordPage, RecordSection } from '../../components/RecordPage.tsx';
import { StatusAction } from '../../components/StatusAction.tsx';
import { useStatusToggle } from '../../components/useStatusToggle.ts';
import { CustomerForm } from './CustomerForm.tsx';
import { CustomerOrders } from './CustomerOrders.tsx';
import { CustomerProducts } from './CustomerProducts.tsx';
import { Duplicates } from './Duplicates.tsx';

function Consents({ c }: { c: Customer }) {
  const { t } = useTranslation();
  const mark = (on: boolean, label: string) => (
    <Tag color={on ? 'green' : 'default'}>{`${on ? '✓' : '✗'} ${label}`}</Tag>
  );
  return (
    <>
      {mark(c.consents.serviceMessages, t('customers.serviceMessages'))}
      {mark(c.consents.marketing, t('customers.marketing'))}
      {c.consents.at ? t('customers.consentsAt', { at: formatDateTime(c.consents.at) }) : null}
    </>
  );
}

/** The customer 360 view: profile, phones, addresses, installed products and possible duplicates. */
export default function CustomerPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const allowed = useCan();
  const brandName = useBrandNames();
  const { data: c, isLoading, isError } = customers.useOne(id);
  const [editing, setEditing] = useState(false);
  const setActive = useStatusToggle(customers, 'inactive');
  const canWrite = allowed('customer.write') && c?.status !== 'merged';

  return (
    <>
      <RecordPage
        testId="customer-page"
        back={{ to: '/customers', label: t('customers.back') }}
        loading={isLoading}
        missing={isError || !c ? t('customers.notFound') : null}
        title={c?.name}
        tags={
          c ? (
            <>
              <EnumTag kind="customerStatus" value={c.status} />
              {c.tags.length ? <EnumTags kind="customerTag" values={c.tags} /> : null}
            </>
          ) : null
        }
        actions={
          canWrite && c ? (
            <>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="customer-edit">
                {t('common.edit')}
              </Button>
              <StatusAction active={c.status === 'active'} name={c.name} onChange={(on) => setActive(c, on)} />
            </>
          ) : null
        }
        items={
          c
            ? [
                { key: 'brand', label: t('customers.brand'), children: brandName(c.brandId) },
                {
                  key: 'gender',
                  label: t('customers.gender'),
                  children: c.gender ? t(`enums.gender.${c.gender}`) : t('common.none'),
                },
                { key: 'birthday', label: t('customers.birthday'), children: formatDate(c.birthday) },
                { key: 'language', label: t('customers.language'), children: c.language ?? t('common.none') },
                { key: 'consents', label: t('customers.consents'), children: <Consents c={c} />, span: 2 },
                { key: 'notes', label: t('customers.notes'), children: c.notes ?? t('common.none'), span: 3 },
                { key: 'created', label: t('common.createdAt'), children: formatDateTime(c.createdAt) },
                { key: 'updated', label: t('common.updatedAt'), children: formatDateTime(c.updatedAt) },
              ]
            : []
        }
      >
        {c ? (
          <>
            {c.status === 'merged' && c.mergedInto ? (
              <Alert
                type="warning"
                showIcon
                title={t('customers.mergedInto')}
                action={<Link to={`/customers/${c.mergedInto}`}>{t('customers.openSurvivor')}</Link>}
              />
            ) : null}
            <RecordSection title={t('customers.phones')} testId="customer-phones">
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={c.phones}
                columns={[
                  { dataIndex: 'number', title: t('customers.phoneNumber') },
                  {
                    dataIndex: 'kind',
                    title: t('customers.phoneKind'),
                    render: (v) => <EnumTag kind="phoneKind" value={v} />,
                  },
                  {
                    dataIndex: 'isPrimary',
                    title: t('customers.primary'),
                    render: (v: boolean) => (v ? <Tag color="blue">{t('customers.primary')}</Tag> : null),
                  },
                ]}
              />
            </RecordSection>
            <RecordSection title={t('customers.addresses')} testId="customer-addresses">
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={c.addresses}
                columns={[
                  {
                    dataIndex: 'divisionName',
                    title: t('customers.division'),
                    render: (v: string | null, a) => v ?? a.divisionCode,
                  },
                  { dataIndex: 'detail', title: t('customers.detail') },
                  {
                    dataIndex: 'urbanRural',
                    title: t('customers.urbanRural'),
                    render: (v) => <EnumTag kind="urbanRural" value={v} />,
                  },
                  {
                    dataIndex: 'isPrimary',
                    title: t('customers.primary'),
                    render: (v: boolean) => (v ? <Tag color="blue">{t('customers.primary')}</Tag> : null),
                  },
                ]}
              />
            </RecordSection>
            <CustomerProducts customer={c} canWrite={canWrite} />
            <Duplicates customer={c} canMerge={canWrite} />
            <CustomerOrders customerId={c.id} />
          </>
        ) : null}
      </RecordPage>
      {c ? <CustomerForm open={editing} record={c} onClose={() => setEditing(false)} /> : null}
    </>
  );
}
