import { EditOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Form, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type Division,
  type DivisionListQuery,
  divisionPath,
  useDivisions,
  useUpdateDivision,
} from '../../api/divisions.ts';
import { useCan } from '../../auth/useAccess.ts';
import { DivisionName } from '../../components/DivisionPicker.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { SearchFilter } from '../../components/filters.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { EnumTag, enumLabel } from '../../components/labels.tsx';
import { useListParams } from '../../components/useListParams.ts';

type Filters = { q?: string; level?: string; parent?: string };
const FOLLOW = 'derived';

function UrbanRural({ d }: { d: Division }) {
  const { t } = useTranslation();
  const value = d.urbanRural ?? d.urbanRuralDerived;
  if (!value) return <>{t('common.none')}</>;
  return (
    <Space size={4}>
      <EnumTag kind="urbanRural" value={value} />
      <Typography.Text type="secondary">
        {d.overridden ? t('divisions.overridden') : t('divisions.derived')}
      </Typography.Text>
    </Space>
  );
}

function OverrideForm({ division, onClose }: { division: Division | null; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateDivision();
  return (
    <FormDrawer<{ urbanRural: string }>
      open={Boolean(division)}
      width={420}
      title={`${t('divisions.override')} · ${division?.fullName ?? ''}`}
      onClose={onClose}
      initialValues={{ urbanRural: division?.overridden ? (division.urbanRural ?? FOLLOW) : FOLLOW }}
      onSubmit={async (v) => {
        const urbanRural = v.urbanRural === FOLLOW ? null : (v.urbanRural as 'urban' | 'rural');
        await update.mutateAsync({ code: division!.code, body: { urbanRural } });
      }}
    >
      <Form.Item name="urbanRural" label={t('divisions.urbanRural')}>
        <Select
          options={[
            {
              value: FOLLOW,
              label: division?.urbanRuralDerived
                ? t('divisions.followDerivedAs', { value: enumLabel(t, 'urbanRural', division.urbanRuralDerived) })
                : t('divisions.followDerived'),
            },
            { value: 'urban', label: enumLabel(t, 'urbanRural', 'urban') },
            { value: 'rural', label: enumLabel(t, 'urbanRural', 'rural') },
          ]}
        />
      </Form.Item>
    </FormDrawer>
  );
}

export default function DivisionsPage() {
  const { t } = useTranslation();
  const allowed = useCan();
  const list = useListParams<Filters>(['q', 'level', 'parent']);
  const { q, level, parent } = list.filters;
  const query: DivisionListQuery = q
    ? { q, level: level ? Number(level) : undefined, limit: 200 }
    : parent
      ? { parent, limit: 500 }
      : { level: 1, limit: 100 };
  const { data, isFetching } = useDivisions(query);
  const [editing, setEditing] = useState<Division | null>(null);
  const crumbs = parent ? divisionPath(parent) : [];

  return (
    <>
      <ListPage<Division, Filters>
        title={t('divisions.title')}
        list={list}
        rowKey="code"
        items={data}
        loading={isFetching}
        onRowClick={(d) => d.hasChildren && !q && list.setFilters({ parent: d.code })}
        filters={
          <>
            <SearchFilter placeholder={t('divisions.searchPlaceholder')} width={240} />
            <Form.Item name="level">
              <Select
                allowClear
                style={{ minWidth: 140 }}
                placeholder={t('divisions.level')}
                options={(['1', '2', '3', '4'] as const).map((l) => ({
                  value: l,
                  label: t(`enums.divisionLevel.${l}`),
                }))}
              />
            </Form.Item>
          </>
        }
        extra={
          q ? null : (
            <Breadcrumb
              items={[
                { title: <Link to={{ search: '' }}>{t('divisions.root')}</Link> },
                ...crumbs.map((code, i) => ({
                  title:
                    i === crumbs.length - 1 ? (
                      <DivisionName code={code} />
                    ) : (
                      <Link to={{ search: `?parent=${code}` }}>
                        <DivisionName code={code} />
                      </Link>
                    ),
                })),
              ]}
            />
          )
        }
        columns={[
          { dataIndex: 'code', title: t('common.code'), render: (v) => <code>{v}</code> },
          { dataIndex: 'name', title: t('common.name') },
          { dataIndex: 'fullName', title: t('divisions.fullName') },
          {
            dataIndex: 'level',
            title: t('divisions.level'),
            render: (v: number) => <Tag>{t(`enums.divisionLevel.${String(v) as '1'}`)}</Tag>,
          },
          { key: 'ur', title: t('divisions.urbanRural'), render: (_, d) => <UrbanRural d={d} /> },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, d) => (
              <Space>
                {d.hasChildren ? (
                  <Button size="small" type="link" onClick={() => list.setFilters({ parent: d.code })}>
                    {t('divisions.children')}
                  </Button>
                ) : null}
                {allowed('division.write') && d.level >= 3 ? (
                  <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(d)}>
                    {t('divisions.override')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <OverrideForm division={editing} onClose={() => setEditing(null)} />
    </>
  );
}
