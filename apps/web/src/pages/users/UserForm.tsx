import { ROLE_SCOPE, type Role } from '@aftercare/contracts';
import { Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { type User, type UserCreate, users } from '../../api/users.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { PhoneField } from '../../components/form-fields.tsx';
import { blankToNull } from '../../components/form-values.ts';
import { BrandSelect, EnumSelect, OutletSelect, RegionSelect, TechnicianSelect } from '../../components/pickers.tsx';

type Values = UserCreate & { password?: string };

/** The scope fields a role needs: brand roles a brand (and optionally regions), field roles an outlet. */
function ScopeFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const role = Form.useWatch('role', form) as Role | undefined;
  const brandIds = Form.useWatch('brandIds', form) ?? [];
  const outletId = Form.useWatch('outletId', form);
  const kind = role ? ROLE_SCOPE[role] : null;
  if (kind === 'brand') {
    return (
      <>
        <Form.Item name="brandIds" label={t('users.brands')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <BrandSelect mode="multiple" />
        </Form.Item>
        <Form.Item name="regionIds" label={t('users.regions')}>
          <RegionSelect mode="multiple" brandId={brandIds.length === 1 ? brandIds[0] : undefined} />
        </Form.Item>
      </>
    );
  }
  if (kind === 'outlet' || kind === 'technician') {
    return (
      <>
        <Form.Item name="outletId" label={t('users.outlet')} rules={[{ required: true }]}>
          <OutletSelect />
        </Form.Item>
        {kind === 'technician' ? (
          <Form.Item name="technicianId" label={t('users.technician')} rules={[{ required: true }]}>
            <TechnicianSelect outletId={outletId} disabled={!outletId} />
          </Form.Item>
        ) : null}
      </>
    );
  }
  return null;
}

export function UserForm({ open, record, onClose }: { open: boolean; record: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const create = users.useCreate();
  const update = users.useUpdate();
  // Nobody hands out more than they have; customers sign up through their own channel.
  const roles =
    me?.role === 'platform_admin'
      ? undefined
      : ['brand_admin', 'service_manager', 'agent', 'dispatcher', 'quality_inspector', 'outlet_manager', 'technician'];
  const initial: Partial<Values> = record
    ? { ...record, password: undefined }
    : { role: 'outlet_manager', brandIds: me?.scope.brandIds ?? [], regionIds: [] };

  return (
    <FormDrawer<Values>
      open={open}
      testId="user-form"
      title={record ? t('users.edit') : t('users.create')}
      onClose={onClose}
      initialValues={initial}
      successMessage={record ? t('common.saved') : t('common.created')}
      onSubmit={async (raw) => {
        const v = blankToNull(raw);
        if (record) {
          await update.mutateAsync({
            id: record.id,
            body: { displayName: v.displayName, phone: v.phone, ...(v.password ? { password: v.password } : {}) },
          });
          return;
        }
        const kind = ROLE_SCOPE[v.role];
        await create.mutateAsync({
          username: v.username,
          displayName: v.displayName,
          password: v.password ?? '',
          role: v.role,
          phone: v.phone,
          brandIds: kind === 'brand' ? (v.brandIds ?? []) : [],
          regionIds: kind === 'brand' ? (v.regionIds ?? []) : [],
          outletId: kind === 'outlet' || kind === 'technician' ? v.outletId : null,
          technicianId: kind === 'technician' ? v.technicianId : null,
        });
      }}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="username" label={t('users.username')} rules={[{ required: true }]}>
            <Input disabled={Boolean(record)} maxLength={50} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true }]}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="password"
            label={record ? t('users.newPassword') : t('users.password')}
            extra={t('users.passwordHint')}
            rules={[{ required: !record }, { min: 10, message: t('users.passwordHint') }]}
          >
            <Input.Password maxLength={200} autoComplete="new-password" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <PhoneField />
        </Col>
      </Row>
      <Form.Item name="role" label={t('users.role')} rules={[{ required: true }]}>
        <EnumSelect kind="role" only={roles} disabled={Boolean(record)} allowClear={false} />
      </Form.Item>
      {record ? null : <ScopeFields />}
    </FormDrawer>
  );
}
