import type { ServiceType } from '@aftercare/contracts';
import { Col, DatePicker, Form, Input, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { type Technician, type TechnicianCreate, technicians } from '../../api/technicians.ts';
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
import { blankToNull } from '../../components/form-values.ts';
import { EnumSelect, OutletSelect } from '../../components/pickers.tsx';

interface SkillRow {
  categoryCode?: string;
  serviceTypes?: ServiceType[];
}
type Values = Omit<TechnicianCreate, 'skills' | 'licenceValidUntil'> & {
  skills: SkillRow[];
  licenceValidUntil?: Dayjs | null;
};

function groupSkills(skills: Technician['skills']): SkillRow[] {
  const rows = new Map<string, SkillRow>();
  for (const s of skills) {
    const row = rows.get(s.categoryCode) ?? { categoryCode: s.categoryCode, serviceTypes: [] };
    row.serviceTypes!.push(s.serviceType);
    rows.set(s.categoryCode, row);
  }
  return [...rows.values()];
}

export function TechnicianForm({
  open,
  record,
  onClose,
}: {
  open: boolean;
  record: Technician | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const create = technicians.useCreate();
  const update = technicians.useUpdate();
  const initial: Partial<Values> = record
    ? {
        ...record,
        licenceValidUntil: record.licenceValidUntil ? dayjs(record.licenceValidUntil) : null,
        skills: groupSkills(record.skills),
      }
    : { level: 'junior', skills: [], outletId: me?.scope.outletId ?? undefined };

  return (
    <FormDrawer<Values>
      open={open}
      title={record ? t('technicians.edit') : t('technicians.create')}
      onClose={onClose}
      initialValues={initial}
      // Skill errors name flattened entries; they are shown on the skills list as a whole.
      mapErrorPath={(p) => (p[0] === 'skills' ? null : p)}
      onSubmit={async (raw) => {
        const v = blankToNull(raw);
        const skills = (raw.skills ?? []).flatMap((s) =>
          (s.serviceTypes ?? []).map((serviceType) => ({ categoryCode: s.categoryCode ?? '', serviceType })),
        );
        const licenceValidUntil = raw.licenceValidUntil ? raw.licenceValidUntil.format('YYYY-MM-DD') : null;
        if (record) {
          const { code: _c, outletId: _o, ...rest } = v;
          await update.mutateAsync({ id: record.id, body: { ...rest, skills, licenceValidUntil } });
        } else {
          await create.mutateAsync({ ...v, skills, licenceValidUntil });
        }
      }}
    >
      <Form.Item name="outletId" label={t('technicians.outlet')} rules={[{ required: true }]}>
        <OutletSelect disabled={Boolean(record) || Boolean(me?.scope.outletId)} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <CodeField locked={Boolean(record)} />
        </Col>
        <Col span={8}>
          <NameField maxLength={50} />
        </Col>
        <Col span={8}>
          <PhoneField required />
        </Col>
        <Col span={8}>
          <Form.Item name="level" label={t('technicians.level')} rules={[{ required: true }]}>
            <EnumSelect kind="technicianLevel" allowClear={false} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="licenceNo" label={t('technicians.licenceNo')}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="licenceValidUntil" label={t('technicians.licenceValidUntil')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('technicians.skills')}>
        <Form.List name="skills">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <RemovableRow key={f.key} onRemove={() => remove(f.name)}>
                  <CategoryField field={f.name} width={160} />
                  <ServiceTypesField field={f.name} width={320} />
                </RemovableRow>
              ))}
              <AddRowButton onClick={() => add({ serviceTypes: ['repair'] })}>{t('technicians.addSkill')}</AddRowButton>
            </>
          )}
        </Form.List>
      </Form.Item>
    </FormDrawer>
  );
}
