import { EditOutlined } from '@ant-design/icons';
import { Button, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { customers, type Product, products } from '../../api/customers.ts';
import { useCan } from '../../auth/useAccess.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { EnumTag } from '../../components/labels.tsx';
import { OutletName, useBrandNames, useCategoryNames } from '../../components/pickers.tsx';
import { RecordPage, RecordSection } from '../../components/RecordPage.tsx';
import { ProductForm } from './ProductForm.tsx';
import { WarrantyVerdict } from './WarrantyVerdict.tsx';

type Warranty = Product['extendedWarranties'][number];
type Entitlement = Product['entitlements'][number];

/** One installed product: its fields, extended warranties and entitlements (no warranty verdict yet). */
export default function ProductPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const allowed = useCan();
  const brandName = useBrandNames();
  const categoryName = useCategoryNames();
  const { data: p, isLoading, isError } = products.useOne(id);
  const { data: owner } = customers.useOne(p?.customerId);
  const [editing, setEditing] = useState(false);
  const none = t('common.none');

  return (
    <>
      <RecordPage
        testId="product-page"
        back={
          p
            ? { to: `/customers/${p.customerId}`, label: owner?.name ?? t('products.customer') }
            : { to: '/customers', label: t('customers.back') }
        }
        loading={isLoading}
        missing={isError || !p ? t('products.notFound') : null}
        title={p ? `${categoryName(p.categoryCode, p.brandId)} ${p.modelCode ?? ''}` : ''}
        tags={p ? <EnumTag kind="productStatus" value={p.status} /> : null}
        actions={
          p && allowed('customer.write') ? (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="product-edit">
              {t('common.edit')}
            </Button>
          ) : null
        }
        items={
          p
            ? [
                {
                  key: 'customer',
                  label: t('products.customer'),
                  children: <Link to={`/customers/${p.customerId}`}>{owner?.name ?? '…'}</Link>,
                },
                { key: 'brand', label: t('customers.brand'), children: brandName(p.brandId) },
                {
                  key: 'category',
                  label: t('products.category'),
                  children: categoryName(p.categoryCode, p.brandId),
                },
                { key: 'model', label: t('products.model'), children: p.modelCode ?? none },
                { key: 'serial', label: t('products.serial'), children: p.serial ?? none },
                {
                  key: 'production',
                  label: t('products.productionDate'),
                  children:
                    p.productionDateSource === 'serial'
                      ? t('products.productionFromSerial', {
                          date: formatDate(p.productionDate),
                          rule: p.productionDateRule,
                        })
                      : formatDate(p.productionDate),
                },
                { key: 'purchase', label: t('products.purchaseDate'), children: formatDate(p.purchaseDate) },
                { key: 'delivery', label: t('products.deliveryDate'), children: formatDate(p.deliveryDate) },
                {
                  key: 'installation',
                  label: t('products.installationDate'),
                  children: formatDate(p.installationDate),
                },
                {
                  key: 'outlet',
                  label: t('products.installingOutlet'),
                  children: <OutletName id={p.installingOutletId} />,
                },
                { key: 'channel', label: t('products.channel'), children: p.channel ?? none },
                { key: 'store', label: t('products.store'), children: p.store ?? none },
                {
                  key: 'invoice',
                  label: t('products.hasInvoice'),
                  children: p.invoicePhotoUrl ? (
                    <a href={p.invoicePhotoUrl} target="_blank" rel="noreferrer">
                      {t('enums.yesNo.true')}
                    </a>
                  ) : (
                    t(`enums.yesNo.${p.hasInvoice}`)
                  ),
                },
                {
                  key: 'override',
                  label: t('products.warrantyStartOverride'),
                  children: formatDate(p.warrantyStartOverride),
                },
                { key: 'updated', label: t('common.updatedAt'), children: formatDateTime(p.updatedAt) },
              ]
            : []
        }
      >
        {p ? (
          <>
            <WarrantyVerdict productId={p.id} />
            <RecordSection title={t('products.extendedWarranties')}>
              <Table<Warranty>
                size="small"
                rowKey="contractNo"
                pagination={false}
                dataSource={p.extendedWarranties}
                columns={[
                  { dataIndex: 'contractNo', title: t('products.contractNo') },
                  { dataIndex: 'startsOn', title: t('products.startsOn'), render: formatDate },
                  { dataIndex: 'endsOn', title: t('products.endsOn'), render: formatDate },
                ]}
              />
            </RecordSection>
            <RecordSection title={t('products.entitlements')}>
              <Table<Entitlement>
                size="small"
                rowKey="code"
                pagination={false}
                dataSource={p.entitlements}
                columns={[
                  { dataIndex: 'code', title: t('products.entitlement') },
                  { dataIndex: 'used', title: t('products.used'), align: 'right' },
                  {
                    dataIndex: 'limit',
                    title: t('products.limit'),
                    align: 'right',
                    render: (v: number | null) => v ?? t('products.unlimited'),
                  },
                ]}
              />
            </RecordSection>
          </>
        ) : null}
      </RecordPage>
      {p ? (
        <ProductForm
          open={editing}
          customer={{ id: p.customerId, brandId: p.brandId }}
          record={p}
          onClose={() => setEditing(false)}
        />
      ) : null}
    </>
  );
}
