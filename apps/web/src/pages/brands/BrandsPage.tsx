import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Brand, brands } from '../../api/brands.ts';
import { useCan } from '../../auth/useAccess.ts';
import { DetailDrawer } from '../../components/DetailDrawer.tsx';
import { SearchFilter, StatusFilter } from '../../components/filters.tsx';
import { formatDateTime } from '../../components/format.ts';
import { CreateButton, ListPage } from '../../components/ListPage.tsx';
import {
  actionColumn,
  hasActiveStatus,
  type RecordActionsOf,
  recordActions,
  statusColumn,
  statusItem,
} from '../../components/RecordActions.tsx';
import { useDrawers } from '../../components/useDrawers.ts';
import { useListParams } from '../../components/useListParams.ts';
import { useStatusToggle } from '../../components/useStatusToggle.ts';
import { BrandForm } from './BrandForm.tsx';

type Filters = { q?: string; status?: string };

export default function BrandsPage() {
  const { t } = useTranslation();
  const allowed = useCan();
  const canWrite = allowed('brand.write');
  const list = useListParams<Filters>(['q', 'status']);
  const query = brands.useList(list.params as Parameters<typeof brands.useList>[0]);
  const drawers = useDrawers<Brand>();
  const detail = brands.useOne(drawers.viewId);
  const b = detail.data;
  const setActive = useStatusToggle(brands, 'inactive');
  const actions: RecordActionsOf<Brand> = {
    onEdit: drawers.edit,
    isActive: hasActiveStatus,
    nameOf: (row) => row.name,
    onSetActive: setActive,
  };

  return (
    <>
      <ListPage<Brand, Filters>
        title={t('brands.title')}
        list={list}
        rowKey="id"
        query={query}
        onRowClick={(row) => drawers.view(row.id)}
        toolbar={canWrite ? <CreateButton onClick={drawers.create}>{t('brands.create')}</CreateButton> : null}
        filters={
          <>
            <SearchFilter placeholder={t('brands.searchPlaceholder')} width={220} />
            <StatusFilter />
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
          statusColumn(t),
          actionColumn(t, !canWrite, actions),
        ]}
      />
      <DetailDrawer
        open={Boolean(drawers.viewId)}
        title={b?.name ?? ''}
        onClose={drawers.closeView}
        loading={detail.isLoading}
        actions={b && canWrite ? recordActions(t, b, actions) : null}
        items={
          b
            ? [
                { key: 'code', label: t('common.code'), children: b.code },
                statusItem(t, b.status),
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
