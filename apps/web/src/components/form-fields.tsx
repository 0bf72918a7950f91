import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CategorySelect, EnumSelect } from './pickers.tsx';

/** Form fields shared by the record forms. */

/** The record's code: required, fixed once the record exists. */
export function CodeField({ locked }: { locked: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.Item name="code" label={t('common.code')} rules={[{ required: true }]}>
      <Input disabled={locked} maxLength={40} />
    </Form.Item>
  );
}

export function NameField({ maxLength = 100 }: { maxLength?: number }) {
  const { t } = useTranslation();
  return (
    <Form.Item name="name" label={t('common.name')} rules={[{ required: true }]}>
      <Input maxLength={maxLength} />
    </Form.Item>
  );
}

export function PhoneField({ required = false }: { required?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.Item name="phone" label={t('common.phone')} rules={required ? [{ required: true }] : undefined}>
      <Input maxLength={30} />
    </Form.Item>
  );
}

/** One row of a Form.List: its fields side by side, then the remove icon. */
export function RemovableRow({ onRemove, children }: { onRemove: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Space align="baseline" wrap>
      {children}
      <MinusCircleOutlined onClick={onRemove} aria-label={t('common.remove')} />
    </Space>
  );
}

/** The add button under a Form.List. */
export function AddRowButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <Button type="dashed" icon={<PlusOutlined />} onClick={onClick} block>
      {children}
    </Button>
  );
}

/** A product category (of one brand, or of any) in a Form.List row. */
export function CategoryField({ field, brandId, width }: { field: number; brandId?: string | null; width: number }) {
  const { t } = useTranslation();
  return (
    <Form.Item name={[field, 'categoryCode']} rules={[{ required: true, message: t('outlets.category') }]}>
      <CategorySelect brandId={brandId} placeholder={t('outlets.category')} style={{ width }} />
    </Form.Item>
  );
}

/** The service types (for a category) in a Form.List row. */
export function ServiceTypesField({ field, width }: { field: number; width: number }) {
  const { t } = useTranslation();
  return (
    <Form.Item name={[field, 'serviceTypes']} rules={[{ required: true, message: t('outlets.serviceTypes') }]}>
      <EnumSelect kind="serviceType" mode="multiple" placeholder={t('outlets.serviceTypes')} style={{ width }} />
    </Form.Item>
  );
}

/** The `categoryCode` of a catalog record, among the categories of the brand chosen in `brandId`. */
export function BrandCategoryField({ label }: { label: string }) {
  const brandId = Form.useWatch<string | undefined>('brandId');
  return (
    <Form.Item name="categoryCode" label={label} rules={[{ required: true }]}>
      <CategorySelect brandId={brandId} allowClear={false} />
    </Form.Item>
  );
}
