import { Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { type Customer, type CustomerListQuery, customers } from '../../api/customers.ts';
import { useCan } from '../../auth/useAccess.ts';
import { BrandFilter, EnumFilter, SearchFilter, StatusFilter } from '../../components/filters.tsx';
import { formatDateTime } from '../../components/format.ts';
import { CreateButton, ListPage } from '../../components/ListPage.tsx';
import { EnumTag, EnumTags } from '../../components/labels.tsx';
import { useBrandNames } from '../../components/pickers.tsx';
import { useListParams } from '../../components/useListParams.ts';
import { CustomerForm } from './CustomerForm.tsx';
import { primaryAddress, primaryPhone } from './customer-values.ts';
import { ScreenPop } from './ScreenPop.tsx';

type Filters = { q?: string; brandId?: string; tag?: string; status?: string };
const FILTERS = ['q', 'brandId', 'tag', 'status'] as const;

/** Customer search (name, phone in any form, address fragment, serial) and the screen pop. */
export default function CustomersPage() {
  const { t } = useTranslation();
  const allowed = useCan();
  const navigate = useNavigate();
  const list = useListParams<Filters>(FILTERS);
  const query = customers.useList(list.params as CustomerListQuery);
  const brandName = useBrandNames();
  const [creating, setCreating] = useState<{ phone?: string } | null>(null);
  const canWrite = allowed('customer.write');
  // A brand's own staff see one brand: the brand filter and column would be noise.
  const { data: me } = useMe();
  const singleBrand = me?.scope.brandIds.length === 1;

  return (
    <>
      <ListPage<Customer, Filters>
        title={t('customers.title')}
        testId="customers-page"
        list={list}
        rowKey="id"
        query={query}
        onRowClick={(row) => navigate(`/customers/${row.id}`)}
        toolbar={
          canWrite ? (
            <CreateButton onClick={() => setCreating({})} testId="customer-create">
              {t('customers.create')}
            </CreateButton>
          ) : null
        }
        extra={<ScreenPop onCreate={canWrite ? (phone) => setCreating({ phone }) : undefined} />}
        filters={
          <>
            <SearchFilter placeholder={t('customers.searchPlaceholder')} width={340} />
            {singleBrand ? null : <BrandFilter placeholder={t('customers.brand')} />}
            <EnumFilter name="tag" kind="customerTag" placeholder={t('customers.tag')} />
            <StatusFilter kind="customerStatus" />
          </>
        }
        columns={[
          { dataIndex: 'name', title: t('common.name') },
          {
            dataIndex: 'tags',
            title: t('customers.tags'),
            render: (v: string[]) => (v.length ? <EnumTags kind="customerTag" values={v} /> : t('common.none')),
          },
          {
            key: 'phone',
            title: t('customers.primaryPhone'),
            render: (_, c) => primaryPhone(c)?.number ?? t('common.none'),
          },
          {
            key: 'address',
            title: t('customers.primaryAddress'),
            render: (_, c) => {
              const a = primaryAddress(c);
              if (!a) return t('common.none');
              return (
                <>
                  {a.divisionName ?? a.divisionCode} {a.detail}{' '}
                  {a.urbanRural ? <Tag>{t(`enums.urbanRural.${a.urbanRural}`)}</Tag> : null}
                </>
              );
            },
          },
          { dataIndex: 'brandId', title: t('customers.brand'), render: brandName, hidden: singleBrand },
          {
            dataIndex: 'status',
            title: t('common.status'),
            render: (v) => <EnumTag kind="customerStatus" value={v} />,
          },
          { dataIndex: 'updatedAt', title: t('common.updatedAt'), render: formatDateTime },
        ]}
      />
      <CustomerForm
        open={creating !== null}
        record={null}
        initialPhone={creating?.phone}
        onClose={() => setCreating(null)}
        onCreated={(c) => navigate(`/customers/${c.id}`)}
      />
    </>
  );
}
