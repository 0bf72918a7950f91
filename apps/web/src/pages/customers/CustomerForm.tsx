import { Alert, Col, Divider, Form, Input, InputNumber, Radio, Row, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { type Customer, customers } from '../../api/customers.ts';
import { DateField } from '../../components/DateField.tsx';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { AddRowButton, NameField, RemovableRow } from '../../components/form-fields.tsx';
import { BrandSelect, EnumSelect } from '../../components/pickers.tsx';
import { bodyOf, type CustomerFormValues, formValuesOf, phonesMasked, updateBodyOf } from './customer-values.ts';

type PrimaryKey = 'primaryPhone' | 'primaryAddress';

/** The "primary" mark of one row of a list (the index is kept in a hidden field). */
function PrimaryMark({ field, index }: { field: PrimaryKey; index: number }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<CustomerFormValues>();
  const chosen = Form.useWatch(field, form) ?? 0;
  return (
    <Radio checked={chosen === index} onChange={() => form.setFieldValue(field, index)}>
      {t('customers.primary')}
    </Radio>
  );
}

function HiddenIndex({ name }: { name: PrimaryKey }) {
  return (
    <Form.Item name={name} hidden>
      <InputNumber />
    </Form.Item>
  );
}

export interface CustomerFormProps {
  open: boolean;
  record: Customer | null;
  onClose: () => void;
  /** A number to start a new customer with (from the screen pop). */
  initialPhone?: string;
  onCreated?: (c: Customer) => void;
}

export function CustomerForm({ open, record, onClose, initialPhone, onCreated }: CustomerFormProps) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const create = customers.useCreate();
  const update = customers.useUpdate();
  const ownBrand = me?.scope.brandIds.length === 1 ? me.scope.brandIds[0] : undefined;
  const masked = record ? phonesMasked(record) : false;
  const initial: Partial<CustomerFormValues> = record
    ? formValuesOf(record)
    : {
        brandId: ownBrand,
        tags: [],
        serviceMessages: true,
        marketing: false,
        phones: [{ number: initialPhone ?? '' }],
        addresses: [{}],
        primaryPhone: 0,
        primaryAddress: 0,
      };

  return (
    <FormDrawer<CustomerFormValues>
      open={open}
      width={900}
      testId="customer-form"
      title={record ? t('customers.edit') : t('customers.create')}
      onClose={onClose}
      initialValues={initial}
      successMessage={record ? t('common.saved') : t('common.created')}
      mapErrorPath={(path) => (path[0] === 'consents' && typeof path[1] === 'string' ? [path[1]] : path)}
      onSubmit={async (values) => {
        if (record) {
          await update.mutateAsync({ id: record.id, body: updateBodyOf(values, { phonesMasked: masked }) });
        } else {
          onCreated?.(await create.mutateAsync(bodyOf(values)));
        }
      }}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="brandId" label={t('customers.brand')} rules={[{ required: true }]}>
            <BrandSelect disabled={Boolean(record)} allowClear={false} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <NameField />
        </Col>
        <Col span={6}>
          <Form.Item name="gender" label={t('customers.gender')}>
            <EnumSelect kind="gender" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="birthday" label={t('customers.birthday')}>
            <DateField />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="language" label={t('customers.language')}>
            <Input maxLength={40} placeholder={t('customers.languageHint')} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="tags" label={t('customers.tags')}>
            <EnumSelect kind="customerTag" mode="multiple" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="serviceMessages" label={t('customers.serviceMessages')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="marketing" label={t('customers.marketing')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="notes" label={t('customers.notes')}>
            <Input.TextArea maxLength={2000} rows={2} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        {t('customers.phones')}
      </Divider>
      {masked ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('customers.phonesMaskedHint')} />
      ) : null}
      <HiddenIndex name="primaryPhone" />
      <Form.List name="phones">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <RemovableRow key={f.key} onRemove={() => remove(f.name)}>
                <Form.Item name={[f.name, 'number']} rules={[{ required: true, message: t('customers.phoneNumber') }]}>
                  <Input maxLength={40} placeholder={t('customers.phoneHint')} style={{ width: 360 }} />
                </Form.Item>
                <PrimaryMark field="primaryPhone" index={f.name} />
              </RemovableRow>
            ))}
            <AddRowButton onClick={() => add({ number: '' })}>{t('customers.addPhone')}</AddRowButton>
          </>
        )}
      </Form.List>
      <Divider titlePlacement="start" plain>
        {t('customers.addresses')}
      </Divider>
      <HiddenIndex name="primaryAddress" />
      <Form.List name="addresses">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <RemovableRow key={f.key} onRemove={() => remove(f.name)}>
                <Form.Item
                  name={[f.name, 'divisionCode']}
                  rules={[{ required: true, message: t('customers.division') }]}
                >
                  <DivisionPicker placeholder={t('customers.division')} style={{ width: 380 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'detail']} rules={[{ required: true, message: t('customers.detail') }]}>
                  <Input maxLength={200} placeholder={t('customers.detail')} style={{ width: 200 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'urbanRuralOverride']}>
                  <EnumSelect kind="urbanRural" placeholder={t('customers.urbanRuralAuto')} style={{ width: 130 }} />
                </Form.Item>
                <PrimaryMark field="primaryAddress" index={f.name} />
              </RemovableRow>
            ))}
            <AddRowButton onClick={() => add({})}>{t('customers.addAddress')}</AddRowButton>
          </>
        )}
      </Form.List>
    </FormDrawer>
  );
}
