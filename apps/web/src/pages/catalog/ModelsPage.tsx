import { useTranslation } from 'react-i18next';
import { type ModelListQuery, models, type ProductModel } from '../../api/catalog.ts';
import { useCan } from '../../auth/useAccess.ts';
import { BrandFilter, CategoryFilter, SearchFilter, StatusFilter } from '../../components/filters.tsx';
import { formatDate } from '../../components/format.ts';
import { CreateButton, ListPage } from '../../components/ListPage.tsx';
import { useBrandNames, useCategoryNames } from '../../components/pickers.tsx';
import { actionColumn, hasActiveStatus, type RecordActionsOf, statusColumn } from '../../components/RecordActions.tsx';
import { useDrawers } from '../../components/useDrawers.ts';
import { useListParams } from '../../components/useListParams.ts';
import { useStatusToggle } from '../../components/useStatusToggle.ts';
import { ModelForm } from './ModelForm.tsx';

type Filters = { q?: string; brandId?: string; categoryCode?: string; status?: string };
const FILTERS = ['q', 'brandId', 'categoryCode', 'status'] as const;

/** Product models of the catalog, per brand and category. */
export default function ModelsPage() {
  const { t } = useTranslation();
  const allowed = useCan();
  const list = useListParams<Filters>(FILTERS);
  const query = models.useList(list.params as ModelListQuery);
  const drawers = useDrawers<ProductModel>();
  const brandName = useBrandNames();
  const categoryName = useCategoryNames();
  const canWrite = allowed('catalog.write');
  const setActive = useStatusToggle(models, 'inactive');
  const actions: RecordActionsOf<ProductModel> = {
    onEdit: drawers.edit,
    isActive: hasActiveStatus,
    nameOf: (row) => `${row.code} ${row.name}`,
    onSetActive: setActive,
  };

  return (
    <>
      <ListPage<ProductModel, Filters>
        title={t('catalog.models')}
        testId="models-page"
        list={list}
        rowKey="id"
        query={query}
        onRowClick={canWrite ? drawers.edit : undefined}
        toolbar={
          canWrite ? (
            <CreateButton onClick={drawers.create} testId="model-create">
              {t('catalog.createModel')}
            </CreateButton>
          ) : null
        }
        filters={
          <>
            <SearchFilter placeholder={t('catalog.searchModels')} width={220} />
            <BrandFilter placeholder={t('catalog.brand')} />
            <CategoryFilter placeholder={t('catalog.category')} />
            <StatusFilter />
          </>
        }
        columns={[
          { dataIndex: 'code', title: t('common.code') },
          { dataIndex: 'name', title: t('common.name') },
          { dataIndex: 'nameEn', title: t('catalog.nameEn'), render: (v) => v ?? t('common.none') },
          { dataIndex: 'brandId', title: t('catalog.brand'), render: brandName },
          {
            dataIndex: 'categoryCode',
            title: t('catalog.category'),
            render: (v: string, m) => categoryName(v, m.brandId),
          },
          {
            dataIndex: 'specs',
            title: t('catalog.specs'),
            render: (v: ProductModel['specs']) =>
              Object.entries(v)
                .map(([k, x]) => `${k}: ${x}`)
                .join('；') || t('common.none'),
          },
          { dataIndex: 'launchedOn', title: t('catalog.launchedOn'), render: formatDate },
          statusColumn(t),
          actionColumn(t, !canWrite, actions),
        ]}
      />
      <ModelForm open={drawers.formOpen} record={drawers.editing} onClose={drawers.closeForm} />
    </>
  );
}
