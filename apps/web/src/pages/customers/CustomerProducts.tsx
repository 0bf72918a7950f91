import { PlusOutlined } from '@ant-design/icons';
import { Button, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type Customer, type Product, useCustomerProducts } from '../../api/customers.ts';
import { formatDate } from '../../components/format.ts';
import { EnumTag } from '../../components/labels.tsx';
import { OutletName, useBrandNames, useCategoryNames } from '../../components/pickers.tsx';
import { RecordSection } from '../../components/RecordPage.tsx';
import { ProductForm } from '../products/ProductForm.tsx';

/** The customer's installed products; a row opens the product, the add button its form. */
export function CustomerProducts({ customer, canWrite }: { customer: Customer; canWrite: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const brandName = useBrandNames();
  const categoryName = useCategoryNames();
  const { data, isFetching } = useCustomerProducts(customer.id);
  const [adding, setAdding] = useState(false);

  return (
    <RecordSection
      title={t('customers.products')}
      testId="customer-products"
      extra={
        canWrite ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="product-create">
            {t('customers.addProduct')}
          </Button>
        ) : null
      }
    >
      <Table<Product>
        size="small"
        rowKey="id"
        pagination={false}
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        onRow={(row) => ({ onClick: () => navigate(`/products/${row.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { dataIndex: 'brandId', title: t('customers.brand'), render: brandName },
          {
            dataIndex: 'categoryCode',
            title: t('products.category'),
            render: (v: string, p) => categoryName(v, p.brandId),
          },
          { dataIndex: 'modelCode', title: t('products.model'), render: (v) => v ?? t('common.none') },
          { dataIndex: 'serial', title: t('products.serial'), render: (v) => v ?? t('common.none') },
          { dataIndex: 'purchaseDate', title: t('products.purchaseDate'), render: formatDate },
          { dataIndex: 'installationDate', title: t('products.installationDate'), render: formatDate },
          {
            dataIndex: 'installingOutletId',
            title: t('products.installingOutlet'),
            render: (v: string | null) => <OutletName id={v} />,
          },
          { dataIndex: 'status', title: t('common.status'), render: (v) => <EnumTag kind="productStatus" value={v} /> },
        ]}
      />
      <ProductForm open={adding} customer={customer} record={null} onClose={() => setAdding(false)} />
    </RecordSection>
  );
}
