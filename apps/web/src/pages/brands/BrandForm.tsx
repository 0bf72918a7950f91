import { MinusCircleOutlined } from '@ant-design/icons';
import { Col, Form, Input, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Brand, type BrandCreate, type BrandUpdate, brands } from '../../api/brands.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { AddRowButton, CodeField, NameField } from '../../components/form-fields.tsx';
import { blankToNull } from '../../components/form-values.ts';

type Values = BrandCreate;

export function BrandForm({ open, record, onClose }: { open: boolean; record: Brand | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = brands.useCreate();
  const update = brands.useUpdate();
  const initial: Partial<Values> = record
    ? {
        code: record.code,
        name: record.name,
        nameEn: record.nameEn,
        hotlines: record.hotlines,
        logoUrl: record.logoUrl,
        policyPack: record.policyPack,
        categories: record.categories,
      }
    : { hotlines: [], categories: [] };

  return (
    <FormDrawer<Values>
      open={open}
      title={record ? t('brands.edit') : t('brands.create')}
      onClose={onClose}
      initialValues={initial}
      successMessage={record ? t('common.saved') : t('common.created')}
      onSubmit={async (raw) => {
        const values = blankToNull(raw);
        const categories = (values.categories ?? []).map((c) => blankToNull(c));
        if (record) {
          const { code: _code, ...rest } = values;
          const body: BrandUpdate = { ...rest, categories };
          await update.mutateAsync({ id: record.id, body });
        } else {
          await create.mutateAsync({ ...values, categories });
        }
      }}
    >
      <Row gutter={16}>
        <Col span={12}>
          <CodeField locked={Boolean(record)} />
        </Col>
        <Col span={12}>
          <Form.Item name="policyPack" label={t('brands.policyPack')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <NameField />
        </Col>
        <Col span={12}>
          <Form.Item name="nameEn" label={t('brands.nameEn')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="hotlines" label={t('brands.hotlines')} extra={t('brands.hotlinesHint')}>
        <Select mode="tags" open={false} tokenSeparators={[',', '，', ' ']} />
      </Form.Item>
      <Form.Item name="logoUrl" label={t('brands.logoUrl')}>
        <Input maxLength={500} placeholder="https://" />
      </Form.Item>
      <Form.Item label={t('brands.categories')}>
        <Form.List name="categories">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'code']} rules={[{ required: true }]}>
                    <Input placeholder={t('brands.categoryCode')} style={{ width: 150 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true }]}>
                    <Input placeholder={t('brands.categoryName')} style={{ width: 170 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'nameEn']}>
                    <Input placeholder={t('brands.categoryNameEn')} style={{ width: 170 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('common.remove')} />
                </Space>
              ))}
              <AddRowButton onClick={() => add({ code: '', name: '' })}>{t('brands.addCategory')}</AddRowButton>
            </>
          )}
        </Form.List>
      </Form.Item>
    </FormDrawer>
  );
}
