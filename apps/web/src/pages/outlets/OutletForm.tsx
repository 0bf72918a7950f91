import { Col, Divider, Form, Input, InputNumber, Row } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { type Outlet, outlets } from '../../api/outlets.ts';
import { DivisionMultiPicker, DivisionPicker } from '../../components/DivisionPicker.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import {
  AddRowButton,
  CategoryField,
  CodeField,
  NameField,
  PhoneField,
  RemovableRow,
  ServiceTypesField,
} from '../../components/form-fields.tsx';
import { BrandSelect, EnumSelect, OutletSelect, RegionSelect, ServiceCenterSelect } from '../../components/pickers.tsx';
import { bodyOf, formValuesOf, type OutletFormValues } from './outlet-values.ts';

function BrandLink({ name, onRemove }: { name: number; onRemove: () => void }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<OutletFormValues>();
  const brandId = Form.useWatch(['brands', name, 'brandId'], form);
  const regionId = Form.useWatch(['brands', name, 'regionId'], form);
  return (
    <RemovableRow onRemove={onRemove}>
      <Form.Item name={[name, 'brandId']} rules={[{ required: true, message: t('outlets.brand') }]}>
        <BrandSelect placeholder={t('outlets.brand')} style={{ width: 160 }} allowClear={false} />
      </Form.Item>
      <Form.Item name={[name, 'regionId']}>
        <RegionSelect brandId={brandId} placeholder={t('outlets.region')} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name={[name, 'centerId']}>
        <ServiceCenterSelect regionId={regionId} placeholder={t('outlets.center')} style={{ width: 180 }} />
      </Form.Item>
    </RemovableRow>
  );
}

function AuthorizationRow({ name, onRemove }: { name: number; onRemove: () => void }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<OutletFormValues>();
  const brandId = Form.useWatch(['authorizations', name, 'brandId'], form);
  return (
    <RemovableRow onRemove={onRemove}>
      <Form.Item name={[name, 'brandId']} rules={[{ required: true, message: t('outlets.brand') }]}>
        <BrandSelect placeholder={t('outlets.brand')} style={{ width: 140 }} allowClear={false} />
      </Form.Item>
      <CategoryField field={name} brandId={brandId} width={140} />
      <ServiceTypesField field={name} width={260} />
    </RemovableRow>
  );
}

export function OutletForm({ open, record, onClose }: { open: boolean; record: Outlet | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const create = outlets.useCreate();
  const update = outlets.useUpdate();
  const authRowOf = useRef<number[]>([]);
  const ownBrand = me?.scope.brandIds.length === 1 ? me.scope.brandIds[0] : undefined;
  const initial: Partial<OutletFormValues> = record
    ? formValuesOf(record)
    : {
        tier: 'authorized',
        status: 'active',
        capacityPerDay: 20,
        brands: [{ brandId: ownBrand }],
        coverage: [],
        authorizations: [],
      };

  return (
    <FormDrawer<OutletFormValues>
      open={open}
      width={760}
      testId="outlet-form"
      title={record ? t('outlets.edit') : t('outlets.create')}
      onClose={onClose}
      initialValues={initial}
      successMessage={record ? t('common.saved') : t('common.created')}
      mapErrorPath={(path) => {
        if (path[0] === 'authorizations' && typeof path[1] === 'number') {
          const row = authRowOf.current[path[1]];
          return row === undefined
            ? ['authorizations']
            : ['authorizations', row, path[2] === 'serviceType' ? 'serviceTypes' : (path[2] ?? 'brandId')];
        }
        return path;
      }}
      onSubmit={async (values) => {
        const { body, authRowOf: rows } = bodyOf(values);
        authRowOf.current = rows;
        if (record) {
          const { code: _code, ...rest } = body;
          await update.mutateAsync({ id: record.id, body: rest });
        } else {
          await create.mutateAsync(body);
        }
      }}
    >
      <Divider titlePlacement="start" plain>
        {t('outlets.sectionBasic')}
      </Divider>
      <Row gutter={16}>
        <Col span={8}>
          <CodeField locked={Boolean(record)} />
        </Col>
        <Col span={16}>
          <NameField />
        </Col>
        <Col span={8}>
          <Form.Item name="tier" label={t('outlets.tier')} rules={[{ required: true }]}>
            <EnumSelect kind="outletTier" allowClear={false} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="status" label={t('common.status')}>
            <EnumSelect kind="outletStatus" allowClear={false} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="capacityPerDay" label={t('outlets.capacity')}>
            <InputNumber
              min={0}
              max={10000}
              precision={0}
              suffix={t('outlets.capacityUnit')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="parentOutletId" label={t('outlets.parent')}>
            <OutletSelect />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        {t('outlets.sectionLocation')}
      </Divider>
      <Form.Item name="divisionCode" label={t('outlets.division')} rules={[{ required: true }]}>
        <DivisionPicker />
      </Form.Item>
      <Form.Item name="address" label={t('common.address')} rules={[{ required: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="lat" label={t('outlets.lat')}>
            <InputNumber min={-90} max={90} step={0.000001} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="lng" label={t('outlets.lng')}>
            <InputNumber min={-180} max={180} step={0.000001} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <PhoneField />
        </Col>
        <Col span={8}>
          <Form.Item name="dealerHotline" label={t('outlets.dealerHotline')}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="contactName" label={t('outlets.contactName')}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        {t('outlets.brands')}
      </Divider>
      <Form.List name="brands">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <BrandLink key={f.key} name={f.name} onRemove={() => remove(f.name)} />
            ))}
            <AddRowButton onClick={() => add({})}>{t('outlets.addBrand')}</AddRowButton>
          </>
        )}
      </Form.List>
      <Divider titlePlacement="start" plain>
        {t('outlets.coverage')}
      </Divider>
      <Form.Item name="coverage" extra={t('outlets.coverageHint')}>
        <DivisionMultiPicker />
      </Form.Item>
      <Divider titlePlacement="start" plain>
        {t('outlets.authorizations')}
      </Divider>
      <Form.List name="authorizations">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <AuthorizationRow key={f.key} name={f.name} onRemove={() => remove(f.name)} />
            ))}
            <AddRowButton onClick={() => add({ serviceTypes: ['repair'] })}>
              {t('outlets.addAuthorization')}
            </AddRowButton>
          </>
        )}
      </Form.List>
    </FormDrawer>
  );
}
