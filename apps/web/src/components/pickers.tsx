import { Select, type SelectProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Brand, useAllBrands } from '../api/brands.ts';
import { useDivisions } from '../api/divisions.ts';
import { outlets, useOutletSearch } from '../api/outlets.ts';
import { useRegionOptions } from '../api/regions.ts';
import { useServiceCenterOptions } from '../api/service-centers.ts';
import { useTechnicianSearch } from '../api/technicians.ts';
import { type EnumKind, enumOptions } from './labels.tsx';

type PickerProps = Omit<SelectProps, 'options' | 'loading'>;

const base: Partial<SelectProps> = { allowClear: true, style: { minWidth: 180 }, optionFilterProp: 'label' };

/** The label of a brand in the current language. */
export function brandLabel(b: Pick<Brand, 'name' | 'nameEn'>, lang: string): string {
  return lang === 'en-US' && b.nameEn ? b.nameEn : b.name;
}

export function useBrandNames(): (id: string) => string {
  const { i18n } = useTranslation();
  const { data } = useAllBrands();
  return useMemo(() => {
    const map = new Map((data ?? []).map((b) => [b.id, brandLabel(b, i18n.language)]));
    return (id: string) => map.get(id) ?? id.slice(0, 8);
  }, [data, i18n.language]);
}

/** Category code → its name (in the brand given, else in any visible brand), in the current language. */
export function useCategoryNames(): (code: string, brandId?: string) => string {
  const { i18n } = useTranslation();
  const { data } = useAllBrands();
  return useMemo(() => {
    const byBrand = new Map<string, string>();
    const any = new Map<string, string>();
    for (const b of data ?? []) {
      for (const c of b.categories) {
        const label = i18n.language === 'en-US' && c.nameEn ? c.nameEn : c.name;
        byBrand.set(`${b.id}/${c.code}`, label);
        if (!any.has(c.code)) any.set(c.code, label);
      }
    }
    return (code: string, brandId?: string) => (brandId && byBrand.get(`${brandId}/${code}`)) || any.get(code) || code;
  }, [data, i18n.language]);
}

export function BrandSelect(props: PickerProps) {
  const { i18n } = useTranslation();
  const { data, isLoading } = useAllBrands();
  return (
    <Select
      {...base}
      showSearch
      {...props}
      loading={isLoading}
      options={(data ?? []).map((b) => ({ value: b.id, label: brandLabel(b, i18n.language) }))}
    />
  );
}

export function RegionSelect({ brandId, ...props }: PickerProps & { brandId?: string | null }) {
  const { data, isLoading } = useRegionOptions(brandId);
  return (
    <Select
      {...base}
      showSearch
      {...props}
      loading={isLoading}
      options={(data ?? []).map((r) => ({ value: r.id, label: r.name }))}
    />
  );
}

export function ServiceCenterSelect({ regionId, ...props }: PickerProps & { regionId?: string | null }) {
  const { data, isLoading } = useServiceCenterOptions(regionId);
  return (
    <Select
      {...base}
      {...props}
      disabled={props.disabled || !regionId}
      loading={isLoading && Boolean(regionId)}
      options={(data ?? []).map((c) => ({ value: c.id, label: c.name }))}
    />
  );
}

/** Categories of one brand (or of every visible brand), by code. */
export function CategorySelect({ brandId, ...props }: PickerProps & { brandId?: string | null }) {
  const { i18n } = useTranslation();
  const { data } = useAllBrands();
  const options = useMemo(() => {
    const seen = new Map<string, string>();
    for (const b of data ?? []) {
      if (brandId && b.id !== brandId) continue;
      for (const c of b.categories) {
        if (!seen.has(c.code)) seen.set(c.code, i18n.language === 'en-US' && c.nameEn ? c.nameEn : c.name);
      }
    }
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [data, brandId, i18n.language]);
  return <Select {...base} showSearch {...props} options={options} />;
}

/** Remote search over the outlets the caller may see; shows the chosen outlet's name when given. */
export function OutletSelect(props: PickerProps) {
  const [q, setQ] = useState('');
  const search = useOutletSearch(q);
  const current = outlets.useOne(typeof props.value === 'string' ? props.value : null);
  const options = useMemo(() => {
    const list = (search.data ?? []).map((o) => ({ value: o.id, label: `${o.name} (${o.code})` }));
    if (current.data && !list.some((o) => o.value === current.data.id)) {
      list.unshift({ value: current.data.id, label: `${current.data.name} (${current.data.code})` });
    }
    return list;
  }, [search.data, current.data]);
  return (
    <Select
      {...base}
      showSearch={{ filterOption: false, onSearch: setQ }}
      {...props}
      loading={search.isFetching}
      options={options}
    />
  );
}

/** The name of an outlet by id (— when none). */
export function OutletName({ id }: { id: string | null | undefined }) {
  const { data } = outlets.useOne(id);
  return <>{id ? (data?.name ?? '…') : '—'}</>;
}

export function TechnicianSelect({ outletId, ...props }: PickerProps & { outletId?: string | null }) {
  const [q, setQ] = useState('');
  const search = useTechnicianSearch(q, outletId);
  return (
    <Select
      {...base}
      showSearch={{ filterOption: false, onSearch: setQ }}
      {...props}
      loading={search.isFetching}
      options={(search.data ?? []).map((x) => ({ value: x.id, label: `${x.name} (${x.code})` }))}
    />
  );
}

export function EnumSelect({ kind, only, ...props }: PickerProps & { kind: EnumKind; only?: readonly string[] }) {
  const { t } = useTranslation();
  return <Select {...base} {...props} options={enumOptions(t, kind, only)} />;
}

/** Province-level divisions by code (a region's provinces). */
export function ProvinceSelect(props: PickerProps) {
  const { data, isLoading } = useDivisions({ level: 1, limit: 100 });
  return (
    <Select
      {...base}
      mode="multiple"
      {...props}
      loading={isLoading}
      options={(data ?? []).map((d) => ({ value: d.code, label: d.name }))}
    />
  );
}
