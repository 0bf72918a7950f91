import { Col, Form, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { type Part, type PartCreate, parts, useModelOptions } from '../../api/catalog.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { BrandCategoryField, CodeField, NameField } from '../../components/form-fields.tsx';
import { blankToNull } from '../../components/form-values.ts';
import { BrandSelect, EnumSelect } from '../../components/pickers.tsx';
import { YuanInput } from '../../components/YuanInput.tsx';

/** The models the part fits, among the models of the brand and category chosen above. */
function FittingModels() {
  const { t } = useTranslation();
  const brandId = Form.useWatch<string | undefined>('brandId');
  const categoryCode = Form.useWatch<string | undefined>('categoryCode');
  const { data, isFetching } = useModelOptions(brandId, categoryCode);
  return (
    <Form.Item name="modelIds" label={t('catalog.fitsModels')}>
      <Select
        mode="multiple"
        allowClear
        loading={isFetching}
        optionFilterProp="label"
        options={(data?.items ?? []).map((m) => ({ value: m.id, label: `${m.code} ${m.name}` }))}
      />
    </Form.Item>
  );
}

/** Create or edit a part; the price is entered in yuan and sent as exact fen. */
export function PartForm({ open, record, onClose }: { open: boolean; record: Part | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const create = parts.useCreate();
  const update = parts.useUpdate();
  const ownBrand = me?.scope.brandIds.length === 1 ? me.scope.brandIds[0] : undefined;
  const initial: Partial<PartCreate> = record ?? {
    brandId: ownBrand,
    status: 'active',
    isMainPart: false,
    modelIds: [],
  };

  return (
    <FormDrawer<PartCreate>
      open={open}
      width={680}
      testId="part-form"
      title={record ? t('catalog.editPart') : t('catalog.createPart')}
      onClose={onClose}
      initialValues={initial}
      successMessage={record ? t('common.saved') : t('common.created')}
      onSubmit={async (values) => {
        const body = { ...blankToNull(values), modelIds: values.modelIds ?? [] };
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
        <Col span={8}>
          <Form.Item name="priceFen" label={t('catalog.priceYuan')} rules={[{ required: true }]}>
            <YuanInput />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="warrantyTermMonths"
            label={t('catalog.warrantyTermMonths')}
            extra={t('catalog.warrantyTermHint')}
          >
            <InputNumber min={1} max={240} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="isMainPart" label={t('catalog.mainPart')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="status" label={t('common.status')}>
            <EnumSelect kind="activeStatus" allowClear={false} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <FittingModels />
        </Col>
      </Row>
    </FormDrawer>
  );
}
