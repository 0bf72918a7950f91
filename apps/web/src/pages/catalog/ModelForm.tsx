import { Col, Divider, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { type ModelCreate, models, type ProductModel } from '../../api/catalog.ts';
import { DateField } from '../../components/DateField.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { AddRowButton, BrandCategoryField, CodeField, NameField, RemovableRow } from '../../components/form-fields.tsx';
import { blankToNull } from '../../components/form-values.ts';
import { BrandSelect, EnumSelect } from '../../components/pickers.tsx';
import { type SpecRow, specRowsOf, specsOf } from './spec-values.ts';

type ModelFormValues = Omit<ModelCreate, 'specs'> & { specs: SpecRow[] };

/** Create or edit a product model; the brand and code are fixed once it exists. */
export function ModelForm({
  open,
  record,
  onClose,
}: {
  open: boolean;
  record: ProductModel | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const create = models.useCreate();
  const update = models.useUpdate();
  const ownBrand = me?.scope.brandIds.length === 1 ? me.scope.brandIds[0] : undefined;
  const initial: Partial<ModelFormValues> = record
    ? { ...record, specs: specRowsOf(record.specs) }
    : { brandId: ownBrand, status: 'active', specs: [] };

  return (
    <FormDrawer<ModelFormValues>
      open={open}
      width={680}
      testId="model-form"
      title={record ? t('catalog.editModel') : t('catalog.createModel')}
      onClose={onClose}
      initialValues={initial}
      successMessage={record ? t('common.saved') : t('common.created')}
      // A specification error names its key (specs.capacity): it goes to the specifications list.
      mapErrorPath={(path) => (path[0] === 'specs' ? ['specs'] : path)}
      onSubmit={async (values) => {
        const body = { ...blankToNull(values), specs: specsOf(values.specs) };
        if (record) {
          const { brandId: _brand, code: _code, ...rest } = body;
          await update.mutateAsync({ id: record.id, body: rest });
        } else {
          await create.mutateAsync(body);
        }
      }}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="brandId" label={t('catalog.brand')} rules={[{ required: true }]}>
            <BrandSelect disabled={Boolean(record)} allowClear={false} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <BrandCategoryField label={t('catalog.category')} />
        </Col>
        <Col span={12}>
          <CodeField locked={Boolean(record)} />
        </Col>
        <Col span={12}>
          <NameField />
        </Col>
        <Col span={12}>
          <Form.Item name="nameEn" label={t('catalog.nameEn')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="launchedOn" label={t('catalog.launchedOn')}>
            <DateField />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="status" label={t('common.status')}>
            <EnumSelect kind="activeStatus" allowClear={false} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        {t('catalog.specs')}
      </Divider>
      <Form.List name="specs">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <RemovableRow key={f.key} onRemove={() => remove(f.name)}>
                <Form.Item name={[f.name, 'key']} rules={[{ required: true, message: t('catalog.specKey') }]}>
                  <Input placeholder={t('catalog.specKey')} maxLength={40} style={{ width: 200 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'value']}>
                  <Input placeholder={t('catalog.specValue')} maxLength={200} style={{ width: 320 }} />
                </Form.Item>
              </RemovableRow>
            ))}
            <AddRowButton onClick={() => add({})}>{t('catalog.addSpec')}</AddRowButton>
          </>
        )}
      </Form.List>
    </FormDrawer>
  );
}
