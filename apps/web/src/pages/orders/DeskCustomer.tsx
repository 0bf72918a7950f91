import { Col, Descriptions, Form, Input, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CustomerLookup } from '../../api/customers.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { EnumTags } from '../../components/labels.tsx';
import { BrandSelect } from '../../components/pickers.tsx';
import { primaryPhone } from '../customers/customer-values.ts';

export type Found = CustomerLookup['customers'][number];
export type Picked = { kind: 'existing'; found: Found } | { kind: 'new' } | null;

/** The desk's caller: the picked customer's card, or the fields of a new customer (inside the desk form). */
export function DeskCustomer({ picked }: { picked: Picked }) {
  const { t } = useTranslation();
  return (
    <>
      {picked?.kind === 'existing' ? (
        <Descriptions
          size="small"
          column={2}
          items={[
            { key: 'name', label: t('desk.name'), children: picked.found.customer.name },
            {
              key: 'phone',
              label: t('desk.phone'),
              children: primaryPhone(picked.found.customer)?.number ?? t('common.none'),
            },
            {
              key: 'flags',
              label: t('orders.flags'),
              span: 2,
              children: (
                <Space>
                  <EnumTags kind="customerFlag" values={picked.found.flags} />
                  <Link to={`/customers/${picked.found.customer.id}`} target="_blank">
                    {t('customers.open')}
                  </Link>
                </Space>
              ),
            },
          ]}
        />
      ) : null}
      {picked?.kind === 'new' ? (
        <Row gutter={12}>
          <Col span={24}>
            <Typography.Text type="secondary">{t('desk.newCustomerTitle')}</Typography.Text>
          </Col>
          <Col span={8}>
            <Form.Item name={['newCustomer', 'name']} label={t('desk.name')} rules={[{ required: true }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['newCustomer', 'phone']} label={t('desk.phone')} rules={[{ required: true }]}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="brandId" label={t('desk.brand')} rules={[{ required: true }]}>
              <BrandSelect />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['newCustomer', 'divisionCode']} label={t('desk.division')} rules={[{ required: true }]}>
              <DivisionPicker />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name={['newCustomer', 'addressDetail']}
              label={t('desk.addressDetail')}
              rules={[{ required: true }]}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
    </>
  );
}
