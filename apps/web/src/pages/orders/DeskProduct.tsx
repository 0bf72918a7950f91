import { Card, Form, Radio, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../api/customers.ts';
import { CategorySelect, useCategoryNames } from '../../components/pickers.tsx';
import type { Picked } from './DeskCustomer.tsx';
import { NO_PRODUCT } from './order-values.ts';

/** The desk's product choice: one of the caller's products, or a category for an unregistered unit. */
export function DeskProduct(props: {
  picked: Picked;
  products: Pick<Product, 'id' | 'brandId' | 'categoryCode' | 'modelCode' | 'serial' | 'purchaseDate'>[];
  productId: string | undefined;
  brandId: string | undefined;
}) {
  const { picked, products, productId, brandId } = props;
  const { t } = useTranslation();
  const categoryName = useCategoryNames();
  return (
    <Card size="small" title={t('desk.productTitle')} style={{ marginBottom: 16 }}>
      {picked === null ? <Typography.Text type="secondary">{t('desk.needCustomer')}</Typography.Text> : null}
      <Form.Item
        hidden={picked === null}
        name="productId"
        style={{ marginBottom: 0 }}
        rules={[{ required: true, message: t('desk.needProductOrCategory') }]}
      >
        <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
          {products.map((p) => (
            <Radio key={p.id} value={p.id}>
              <Space>
                <span>{categoryName(p.categoryCode, p.brandId)}</span>
                <Typography.Text strong>{p.modelCode ?? ''}</Typography.Text>
                <Typography.Text type="secondary">{p.serial ?? ''}</Typography.Text>
                {p.purchaseDate ? <Tag>{p.purchaseDate}</Tag> : null}
              </Space>
            </Radio>
          ))}
          <Radio value={NO_PRODUCT}>{t('desk.noProduct')}</Radio>
        </Radio.Group>
      </Form.Item>
      {productId === NO_PRODUCT ? (
        <Form.Item
          name="categoryCode"
          label={t('desk.category')}
          style={{ marginTop: 12, marginBottom: 0 }}
          rules={[{ required: true }]}
        >
          <CategorySelect brandId={brandId} style={{ width: 280 }} />
        </Form.Item>
      ) : null}
    </Card>
  );
}
