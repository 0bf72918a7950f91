import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Brand, brands } from '../../api/brands.ts';
import { useCan } from '../../auth/useAccess.ts';
import { DetailDrawer } from '../../components/DetailDrawer.tsx';
import { formatDateTime } from '../../components/format.ts';
import { ListPage } from '../../components/ListPage.tsx';
import { EnumTag } from '../../components/labels.tsx';
import { EnumSelect } from '../../components/pickers.tsx';
import { StatusAction } from '../../components/StatusAction.tsx';
import { useDrawers } from '../../components/useDrawers.ts';
import { useListParams } from '../../components/useListParams.ts';
import { BrandForm } from './BrandForm.tsx';

type Filters = { q?: string; status?: string };

export default function BrandsPage() {
  const { t } = useTranslation();
  const allowed = useCan();
  const list = useListParams<Filters>(['q', 'status']);
  const query = brands.useList(list.params as Parameters<typeof brands.useList>[0]);
  const drawers = useDrawers<Brand>();
  const detail = brands.useOne(drawers.viewId);
  const update = brands.useUpdate();
  const b = detail.data;
  const setActive = (row: Brand, active: boolean) =>
    update.mutateAsync({ id: row.id, body: { status: active ? 'active' : 'inactive' }, silent: false });

  return (
    <>
      <ListPage<Brand, Filters>
        title={t('brands.title')}
        list={list}
        rowKey="id"
        items={query.data?.items}
        total={query.data?.total}
        loading={query.isFetching}
        onRowClick={(row) => drawers.view(row.id)}
        toolbar={
          allowed('brand.write') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={drawers.create}>
              {t('brands.create')}
            </Button>
          ) : null
        }
        filters={
          <>
            <Form.Item name="q">
              <Input allowClear placeholder={t('brands.searchPlaceholder')} style={{ width: 220 }} />
            </Form.Item>
            <Form.Item name="status">
              <EnumSelect kind="activeStatus" placeholder={t('common.status')} />
            </Form.Item>
          </>
        }
        columns={[
          { dataIndex: 'code', title: t('common.code') },
          { dataIndex: 'name', title: t('common.name') },
          { dataIndex: 'nameEn', title: t('brands.nameEn'), render: (v) => v ?? t('common.none') },
          {
            dataIndex: 'hotlines',
            title: t('brands.hotlines'),
            render: (v: string[]) => v.join('、') || t('common.none'),
          },
          {
            dataIndex: 'categories',
            title: t('brands.categories'),
            render: (v: Brand['categories']) => v.map((c) => <Tag key={c.code}>{c.name}</Tag>),
          },
          { dataIndex: 'policyPack', title: t('brands.policyPack'), render: (v) => v ?? t('common.none') },
          { dataIndex: 'status', title: t('common.status'), render: (v) => <EnumTag kind="activeStatus" value={v} /> },
          {
            key: 'actions',
            title: t('common.actions'),
            hidden: !allowed('brand.write'),
            render: (_, row) => (
              <Space>
                <Button size="small" icon={<EditOutlined />} onClick={() => drawers.edit(row)}>
                  {t('common.edit')}
                </Button>
                <StatusAction
                  size="small"
                  active={row.status === 'active'}
                  name={row.name}
                  onChange={(a) => setActive(row, a)}
                />
              </Space>
            ),
          },
        ]}
      />
      <DetailDrawer
        open={Boolean(drawers.viewId)}
        title={b?.name ?? ''}
        onClose={drawers.closeView}
        loading={detail.isLoading}
        actions={
          b && allowed('brand.write') ? (
            <>
              <Button icon={<EditOutlined />} onClick={() => drawers.edit(b)}>
                {t('common.edit')}
              </Button>
              <StatusAction active={b.status === 'active'} name={b.name} onChange={(a) => setActive(b, a)} />
            </>
          ) : null
        }
        items={
          b
            ? [
                { key: 'code', label: t('common.code'), children: b.code },
                {
                  key: 'status',
                  label: t('common.status'),
                  children: <EnumTag kind="activeStatus" value={b.status} />,
                },
                { key: 'name', label: t('common.name'), children: b.name },
                { key: 'nameEn', label: t('brands.nameEn'), children: b.nameEn ?? t('common.none') },
                {
                  key: 'hotlines',
                  label: t('brands.hotlines'),
                  children: b.hotlines.join('、') || t('common.none'),
                  span: 2,
                },
                { key: 'policy', label: t('brands.policyPack'), children: b.policyPack ?? t('common.none') },
                { key: 'logo', label: t('brands.logoUrl'), children: b.logoUrl ?? t('common.none') },
                {
                  key: 'categories',
                  label: t('brands.categories'),
                  span: 2,
                  children: b.categories.map((c) => (
                    <Tag key={c.code}>
                      {c.name} <code>{c.code}</code>
                    </Tag>
                  )),
                },
                { key: 'created', label: t('common.createdAt'), children: formatDateTime(b.createdAt) },
                { key: 'updated', label: t('common.updatedAt'), children: formatDateTime(b.updatedAt) },
              ]
            : []
        }
      />
      <BrandForm open={drawers.formOpen} record={drawers.editing} onClose={drawers.closeForm} />
    </>
  );
}
