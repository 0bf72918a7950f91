import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Part, type PartListQuery, parts } from '../../api/catalog.ts';
import { useCan } from '../../auth/useAccess.ts';
import { BrandFilter, CategoryFilter, EnumFilter, SearchFilter, StatusFilter } from '../../components/filters.tsx';
import { CreateButton, ListPage } from '../../components/ListPage.tsx';
import { formatFen } from '../../components/money.ts';
import { useBrandNames, useCategoryNames } from '../../components/pickers.tsx';
import { actionColumn, hasActiveStatus, type RecordActionsOf, statusColumn } from '../../components/RecordActions.tsx';
import { useDrawers } from '../../components/useDrawers.ts';
import { useListParams } from '../../components/useListParams.ts';
import { useStatusToggle } from '../../components/useStatusToggle.ts';
import { PartForm } from './PartForm.tsx';

type Filters = { q?: string; brandId?: string; categoryCode?: string; status?: string; mainPart?: string };
const FILTERS = ['q', 'brandId', 'categoryCode', 'status', 'mainPart'] as const;

/** Spare parts of the catalog: price in yuan (stored in fen), main-part flag, fitting models. */
export default function PartsPage() {
  const { t } = useTranslation();
  const allowed = useCan();
  const list = useListParams<Filters>(FILTERS);
  const query = parts.useList(list.params as PartListQuery);
  const drawers = useDrawers<Part>();
  const brandName = useBrandNames();
  const categoryName = useCategoryNames();
  const canWrite = allowed('catalog.write');
  const setActive = useStatusToggle(parts, 'inactive');
  const actions: RecordActionsOf<Part> = {
    onEdit: drawers.edit,
    isActive: hasActiveStatus,
    nameOf: (row) => `${row.code} ${row.name}`,
    onSetActive: setActive,
  };

  return (
    <>
      <ListPage<Part, Filters>
        title={t('catalog.parts')}
        testId="parts-page"
        list={list}
        rowKey="id"
        query={query}
        onRowClick={canWrite ? drawers.edit : undefined}
        toolbar={
          canWrite ? (
            <CreateButton onClick={drawers.create} testId="part-create">
              {t('catalog.createPart')}
            </CreateButton>
          ) : null
        }
        filters={
          <>
            <SearchFilter placeholder={t('catalog.searchParts')} width={200} />
            <BrandFilter placeholder={t('catalog.brand')} />
            <CategoryFilter placeholder={t('catalog.category')} />
            <EnumFilter name="mainPart" kind="yesNo" placeholder={t('catalog.mainPartFilter')} />
            <StatusFilter />
          </>
        }
        columns={[
          { dataIndex: 'code', title: t('common.code') },
          { dataIndex: 'name', title: t('common.name') },
          { dataIndex: 'brandId', title: t('catalog.brand'), render: brandName },
          {
            dataIndex: 'categoryCode',
            title: t('catalog.category'),
            render: (v: string, p) => categoryName(v, p.brandId),
          },
          {
            dataIndex: 'isMainPart',
            title: t('catalog.mainPart'),
            render: (v: boolean) => (v ? <Tag color="volcano">{t('catalog.mainPart')}</Tag> : null),
          },
          { dataIndex: 'priceFen', title: t('catalog.price'), align: 'right', render: formatFen },
          {
            dataIndex: 'warrantyTermMonths',
            title: t('catalog.warrantyTermMonths'),
            align: 'right',
            render: (v) => v ?? t('common.none'),
          },
          {
            dataIndex: 'modelIds',
            title: t('catalog.fitsModels'),
            render: (v: string[]) => (v.length ? t('catalog.modelCount', { count: v.length }) : t('common.none')),
          },
          statusColumn(t),
          actionColumn(t, !canWrite, actions),
        ]}
      />
      <PartForm open={drawers.formOpen} record={drawers.editing} onClose={drawers.closeForm} />
    </>
  );
}
