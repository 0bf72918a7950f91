import { AutoComplete, Col, Divider, Form, Input, Row, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useModelOptions } from '../../api/catalog.ts';
import { type Customer, type Product, products } from '../../api/customers.ts';
import { DateField } from '../../components/DateField.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { AddRowButton, RemovableRow } from '../../components/form-fields.tsx';
import { CategorySelect, EnumSelect, OutletSelect } from '../../components/pickers.tsx';
import { bodyOf, formValuesOf, type ProductFormValues } from './product-values.ts';

/** A model code from the brand's catalog (of the chosen category), or typed in when not catalogued. */
function ModelCodeInput(props: {
  brandId: string;
  id?: string;
  value?: string | null;
  onChange?: (v: string) => void;
}) {
  const form = Form.useFormInstance<ProductFormValues>();
  const categoryCode = Form.useWatch('categoryCode', form);
  const { data } = useModelOptions(props.brandId, categoryCode);
  return (
    <AutoComplete
      id={props.id}
      value={props.value ?? undefined}
      onChange={props.onChange}
      options={(data?.items ?? []).map((m) => ({ value: m.code, label: `${m.code} ${m.name}` }))}
      filterOption={(input, option) =>
        String(option?.label ?? '')
          .toLowerCase()
          .includes(input.toLowerCase())
      }
      maxLength={60}
    />
  );
}

const DATES = ['productionDate', 'purchaseDate', 'deliveryDate', 'installationDate', 'warrantyStartOverride'] as const;

/** Add an installed product to a customer, or edit one. */
export function ProductForm({
  open,
  customer,
  record,
  onClose,
}: {
  open: boolean;
  /** The owner (its brand picks the categories and models). */
  customer: Pick<Customer, 'id' | 'brandId'>;
  record: Product | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = products.useCreate();
  const update = products.useUpdate();

  return (
    <FormDrawer<ProductFormValues>
      open={open}
      width={720}
      testId="product-form"
      title={record ? t('products.edit') : t('products.create')}
      onClose={onClose}
      initialValues={formValuesOf(record)}
      successMessage={record ? t('common.saved') : t('common.created')}
      mapErrorPath={(path) => (path[0] === 'extendedWarranties' ? ['warranties', ...path.slice(1)] : path)}
      onSubmit={async (values) => {
        const plain = bodyOf(values, record);
        if (record) {
          await update.mutateAsync({ id: record.id, body: plain });
        } else {
          const { status: _status, ...body } = plain;
          await create.mutateAsync({ ...body, customerId: customer.id });
        }
      }}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="categoryCode" label={t('products.category')} rules={[{ required: true }]}>
            <CategorySelect brandId={customer.brandId} allowClear={false} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="modelCode" label={t('products.model')}>
            <ModelCodeInput brandId={customer.brandId} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="serial" label={t('products.serial')}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="productionDate"
            label={t('products.productionDate')}
            extra={t('products.productionDateHint')}
          >
            <DateField />
          </Form.Item>
        </Col>
        {record ? (
          <Col span={12}>
            <Form.Item name="status" label={t('common.status')}>
              <EnumSelect kind="productStatus" allowClear={false} />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
      <Divider titlePlacement="start" plain>
        {t('products.sectionPurchase')}
      </Divider>
      <Row gutter={16}>
        {DATES.slice(1).map((name) => (
          <Col span={6} key={name}>
            <Form.Item name={name} label={t(`products.${name}`)}>
              <DateField />
            </Form.Item>
          </Col>
        ))}
        <Col span={12}>
          <Form.Item name="channel" label={t('products.channel')}>
            <Input maxLength={40} placeholder={t('products.channelHint')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="store" label={t('products.store')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="installingOutletId" label={t('products.installingOutlet')}>
            <OutletSelect />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="hasInvoice" label={t('products.hasInvoice')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col span={18}>
          <Form.Item name="invoicePhotoUrl" label={t('products.invoicePhotoUrl')}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        {t('products.extendedWarranties')}
      </Divider>
      <Form.List name="warranties">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <RemovableRow key={f.key} onRemove={() => remove(f.name)}>
                <Form.Item
                  name={[f.name, 'contractNo']}
                  rules={[{ required: true, message: t('products.contractNo') }]}
                >
                  <Input maxLength={60} placeholder={t('products.contractNo')} style={{ width: 220 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'startsOn']} rules={[{ required: true, message: t('products.startsOn') }]}>
                  <DateField placeholder={t('products.startsOn')} />
                </Form.Item>
                <Form.Item name={[f.name, 'endsOn']} rules={[{ required: true, message: t('products.endsOn') }]}>
                  <DateField placeholder={t('products.endsOn')} />
                </Form.Item>
              </RemovableRow>
            ))}
            <AddRowButton onClick={() => add({})}>{t('products.addWarranty')}</AddRowButton>
          </>
        )}
      </Form.List>
    </FormDrawer>
  );
}
