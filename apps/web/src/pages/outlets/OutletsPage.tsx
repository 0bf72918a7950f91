import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { type Outlet, type OutletListQuery, outlets } from '../../api/outlets.ts';
import { useCan } from '../../auth/useAccess.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { BrandFilter, EnumFilter, RegionFilter, SearchFilter, StatusFilter } from '../../components/filters.tsx';
import { CreateButton, ListPage } from '../../components/ListPage.tsx';
import { EnumTag } from '../../components/labels.tsx';
import { useBrandNames } from '../../components/pickers.tsx';
import { actionColumn, type RecordActionsOf, statusColumn } from '../../components/RecordActions.tsx';
import { useDrawers } from '../../components/useDrawers.ts';
import { useListParams } from '../../components/useListParams.ts';
import { useStatusToggle } from '../../components/useStatusToggle.ts';
import { OutletDetail } from './OutletDetail.tsx';
import { OutletForm } from './OutletForm.tsx';

type Filters = { q?: string; brandId?: string; regionId?: string; tier?: string; status?: string; covers?: string };
const FILTERS = ['q', 'brandId', 'regionId', 'tier', 'status', 'covers'] as const;

/** Deactivating an outlet suspends it (terminated is for contracts that ended); activating restores it. */
const isActive = (o: Outlet) => o.status === 'active' || o.status === 'probation';

export default function OutletsPage() {
  const { t } = useTranslation();
  const allowed = useCan();
  const list = useListParams<Filters>(FILTERS);
  const query = outlets.useList(list.params as OutletListQuery);
  const drawers = useDrawers<Outlet>();
  const brandName = useBrandNames();
  const canWrite = allowed('outlet.write');
  // Outlet-level users see their own outlet only: network filters would be noise.
  const { data: me } = useMe();
  const networkWide = me?.scope.kind !== 'outlet' && me?.scope.kind !== 'technician';
  const setActive = useStatusToggle(outlets, 'suspended');
  const actions: RecordActionsOf<Outlet> = {
    onEdit: drawers.edit,
    isActive,
    nameOf: (row) => row.name,
    onSetActive: setActive,
  };

  return (
    <>
      <ListPage<Outlet, Filters>
        title={t('outlets.title')}
        testId="outlets-page"
        list={list}
        rowKey="id"
        query={query}
        onRowClick={(row) => drawers.view(row.id)}
        toolbar={
          canWrite ? (
            <CreateButton onClick={drawers.create} testId="outlet-create">
              {t('outlets.create')}
            </CreateButton>
          ) : null
        }
        filters={
          <>
            <SearchFilter placeholder={t('outlets.searchPlaceholder')} width={220} />
            {networkWide ? (
              <>
                <BrandFilter placeholder={t('outlets.brand')} />
                <RegionFilter placeholder={t('outlets.region')} />
              </>
            ) : null}
            <EnumFilter name="tier" kind="outletTier" placeholder={t('outlets.tier')} />
            <StatusFilter kind="outletStatus" />
            {networkWide ? (
              <Form.Item name="covers">
                <DivisionPicker placeholder={t('outlets.covers')} style={{ width: 360 }} />
              </Form.Item>
            ) : null}
          </>
        }
        columns={[
          { dataIndex: 'code', title: t('common.code') },
          { dataIndex: 'name', title: t('common.name') },
          { dataIndex: 'tier', title: t('outlets.tier'), render: (v) => <EnumTag kind="outletTier" value={v} /> },
          statusColumn(t, 'outletStatus'),
          { dataIndex: 'divisionName', title: t('outlets.division'), render: (v, o) => v ?? o.divisionCode },
          {
            dataIndex: 'brands',
            title: t('outlets.brands'),
            render: (v: Outlet['brands']) => v.map((b) => brandName(b.brandId)).join('、'),
          },
          { dataIndex: 'capacityPerDay', title: t('outlets.capacity'), align: 'right' },
          { dataIndex: 'technicianCount', title: t('outlets.technicianCount'), align: 'right' },
          { dataIndex: 'phone', title: t('common.phone'), render: (v) => v ?? t('common.none') },
          actionColumn(t, !canWrite, actions),
        ]}
      />
      <OutletDetail id={drawers.viewId} onClose={drawers.closeView} actions={canWrite ? actions : undefined} />
      <OutletForm open={drawers.formOpen} record={drawers.editing} onClose={drawers.closeForm} />
    </>
  );
}
