import {
  ACTIVE_STATUS,
  CUSTOMER_FLAGS,
  CUSTOMER_STATUSES,
  CUSTOMER_TAGS,
  IMPORT_KINDS,
  LICENCE_STATES,
  OUTLET_STATUSES,
  OUTLET_TIERS,
  PHONE_KINDS,
  PRODUCT_STATUSES,
  ROLES,
  SERVICE_TYPES,
  TECHNICIAN_LEVELS,
} from '@aftercare/contracts';
import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** Every enum shown to people, with its values (from the contracts) and tag colors. */
export const ENUMS = {
  activeStatus: { values: ACTIVE_STATUS, colors: { active: 'green', inactive: 'default' } },
  userStatus: { values: ['active', 'disabled'] as const, colors: { active: 'green', disabled: 'default' } },
  outletStatus: {
    values: OUTLET_STATUSES,
    colors: { active: 'green', probation: 'gold', suspended: 'orange', terminated: 'default' },
  },
  outletTier: { values: OUTLET_TIERS, colors: { service_center: 'blue', specialist: 'cyan', authorized: 'geekblue' } },
  serviceType: { values: SERVICE_TYPES, colors: {} },
  technicianLevel: {
    values: TECHNICIAN_LEVELS,
    colors: { junior: 'default', intermediate: 'blue', senior: 'purple', expert: 'magenta' },
  },
  role: { values: ROLES, colors: { platform_admin: 'red', brand_admin: 'volcano', outlet_manager: 'blue' } },
  trainingResult: {
    values: ['passed', 'failed', 'attended'] as const,
    colors: { passed: 'green', failed: 'red', attended: 'blue' },
  },
  urbanRural: { values: ['urban', 'rural'] as const, colors: { urban: 'blue', rural: 'green' } },
  importKind: { values: IMPORT_KINDS, colors: {} },
  scopeKind: { values: ['all', 'brand', 'region', 'outlet', 'technician', 'customer'] as const, colors: {} },
  licence: {
    values: LICENCE_STATES,
    colors: { valid: 'green', expired: 'red', expiring: 'orange', missing: 'default' },
  },
  customerTag: {
    values: CUSTOMER_TAGS,
    colors: { vip: 'gold', key_account: 'purple', institution: 'cyan' },
  },
  customerStatus: { values: CUSTOMER_STATUSES, colors: { active: 'green', inactive: 'default', merged: 'orange' } },
  customerFlag: {
    values: CUSTOMER_FLAGS,
    colors: {
      vip: 'gold',
      key_account: 'purple',
      institution: 'cyan',
      no_service_messages: 'red',
      possible_duplicate: 'orange',
      warranty_expiring_30d: 'volcano',
    },
  },
  productStatus: { values: PRODUCT_STATUSES, colors: { active: 'green', retired: 'default' } },
  phoneKind: { values: PHONE_KINDS, colors: {} },
  gender: { values: ['male', 'female'] as const, colors: {} },
  yesNo: { values: ['true', 'false'] as const, colors: { true: 'blue' } },
} as const;

export type EnumKind = keyof typeof ENUMS;
export type EnumValue<K extends EnumKind> = (typeof ENUMS)[K]['values'][number];

/** The localized label of an enum value (falls back to the raw value). */
export function enumLabel(t: TFunction, kind: EnumKind, value: string): string {
  const key = `enums.${kind}.${value}`;
  // Values such as `institution:hospital` hold a colon, which is not a namespace here.
  const label = (t as unknown as (k: string, o: object) => string)(key, { defaultValue: value, nsSeparator: false });
  return label;
}

export function enumOptions(t: TFunction, kind: EnumKind, only?: readonly string[]) {
  return ENUMS[kind].values
    .filter((v) => !only || only.includes(v))
    .map((v) => ({ value: v as string, label: enumLabel(t, kind, v) }));
}

export function EnumTag({ kind, value }: { kind: EnumKind; value: string | null | undefined }) {
  const { t } = useTranslation();
  if (!value) return <>{t('common.none')}</>;
  const colors = ENUMS[kind].colors as Record<string, string>;
  return <Tag color={colors[value] ?? colors[value.split(':')[0] ?? ''] ?? 'default'}>{enumLabel(t, kind, value)}</Tag>;
}

export function EnumTags({ kind, values }: { kind: EnumKind; values: readonly string[] }) {
  const { t } = useTranslation();
  if (values.length === 0) return <>{t('common.none')}</>;
  return (
    <>
      {values.map((v) => (
        <EnumTag key={v} kind={kind} value={v} />
      ))}
    </>
  );
}
