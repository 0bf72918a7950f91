import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EnumKind } from './labels.tsx';
import { BrandSelect, CategorySelect, EnumSelect, OutletSelect, RegionSelect } from './pickers.tsx';

/** Filter-bar fields of the list pages; each is a Form.Item named after its filter key. */

/** A free-text filter. */
export function TextFilter({ name, placeholder, width }: { name: string; placeholder: string; width: number }) {
  return (
    <Form.Item name={name}>
      <Input allowClear placeholder={placeholder} style={{ width }} />
    </Form.Item>
  );
}

/** The page's search box (`q`). */
export function SearchFilter({ placeholder, width = 200 }: { placeholder: string; width?: number }) {
  return <TextFilter name="q" placeholder={placeholder} width={width} />;
}

export function EnumFilter({ name, kind, placeholder }: { name: string; kind: EnumKind; placeholder: string }) {
  return (
    <Form.Item name={name}>
      <EnumSelect kind={kind} placeholder={placeholder} />
    </Form.Item>
  );
}

export function StatusFilter({
  kind = 'activeStatus',
}: {
  kind?: 'activeStatus' | 'userStatus' | 'outletStatus' | 'customerStatus';
}) {
  const { t } = useTranslation();
  return <EnumFilter name="status" kind={kind} placeholder={t('common.status')} />;
}

export function BrandFilter({ placeholder }: { placeholder: string }) {
  return (
    <Form.Item name="brandId">
      <BrandSelect placeholder={placeholder} />
    </Form.Item>
  );
}

export function RegionFilter({ placeholder }: { placeholder: string }) {
  return (
    <Form.Item name="regionId">
      <RegionSelect placeholder={placeholder} />
    </Form.Item>
  );
}

export function OutletFilter({ placeholder }: { placeholder: string }) {
  return (
    <Form.Item name="outletId">
      <OutletSelect placeholder={placeholder} style={{ width: 220 }} />
    </Form.Item>
  );
}

/** A product category (`categoryCode`), of the brand chosen in the brand filter when there is one. */
export function CategoryFilter({ placeholder }: { placeholder: string }) {
  const brandId = Form.useWatch<string | undefined>('brandId');
  return (
    <Form.Item name="categoryCode">
      <CategorySelect brandId={brandId} placeholder={placeholder} />
    </Form.Item>
  );
}
