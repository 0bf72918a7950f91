import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { type Outlet, type OutletListQuery, outlets } from '../../api/outlets.ts';
import { useCan } from '../../auth/useAccess.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { EnumTag } from '../../components/labels.tsx';
import { BrandSelect, EnumSelect, RegionSelect, useBrandNames } from '../../components/pickers.tsx';
import { StatusAction } from '../../components/StatusAction.tsx';
import { useDrawers } from '../../components/useDrawers.ts';
import { useListParams } from '../../components/useListParams.ts';
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
  const update = outlets.useUpdate();
  const brandName = useBrandNames();
  const canWrite = allowed('outlet.write');
  // Outlet-level users see their own outlet only: network filters would be noise.
  const { data: me } = useMe();
  const networkWide = me?.scope.kind !== 'outlet' && me?.scope.kind !== 'technician';
  const setActive = (o: Outlet, active: boolean) =>
    update.mutateAsync({ id: o.id, body: { status: active ? 'active' : 'suspended' }, silent: false });

  return (
    <>
      <ListPage<Outlet, Filters>
        title={t('outlets.title')}
        testId="outlets-page"
        list={list}
        rowKey="id"
        items={query.data?.items}
        total={query.data?.total}
        loading={query.isFetching}
        onRowClick={(row) => drawers.view(row.id)}
        toolbar={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={drawers.create} data-testid="outlet-create">
              {t('outlets.create')}
            </Button>
          ) : null
        }
        filters={
          <>
            <Form.Item name="q">
              <Input allowClear placeholder={t('outlets.searchPlaceholder')} style={{ width: 220 }} />
            </Form.Item>
            {networkWide ? (
              <>
                <Form.Item name="brandId">
                  <BrandSelect placeholder={t('outlets.brand')} />
                </Form.Item>
                <Form.Item name="regionId">
                  <RegionSelect placeholder={t('outlets.region')} />
                </Form.Item>
              </>
            ) : null}
            <Form.Item name="tier">
              <EnumSelect kind="outletTier" placeholder={t('outlets.tier')} />
            </Form.Item>
            <Form.Item name="status">
              <EnumSelect kind="outletStatus" placeholder={t('common.status')} />
            </Form.Item>
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
          { dataIndex: 'status', title: t('common.status'), render: (v) => <EnumTag kind="outletStatus" value={v} /> },
          { dataIndex: 'divisionName', title: t('outlets.division'), render: (v, o) => v ?? o.divisionCode },
          {
            dataIndex: 'brands',
            title: t('outlets.brands'),
            render: (v: Outlet['brands']) => v.map((b) => brandName(b.brandId)).join('、'),
          },
          { dataIndex: 'capacityPerDay', title: t('outlets.capacity'), align: 'right' },
          { dataIndex: 'technicianCount', title: t('outlets.technicianCount'), align: 'right' },
          { dataIndex: 'phone', title: t('common.phone'), render: (v) => v ?? t('common.none') },
          {
            key: 'actions',
            title: t('common.actions'),
            hidden: !canWrite,
            render: (_, row) => (
              <Space>
                <Button size="small" icon={<EditOutlined />} onClick={() => drawers.edit(row)}>
                  {t('common.edit')}
                </Button>
                <StatusAction size="small" active={isActive(row)} name={row.name} onChange={(a) => setActive(row, a)} />
              </Space>
            ),
          },
        ]}
      />
      <OutletDetail
        id={drawers.viewId}
        onClose={drawers.closeView}
        onEdit={canWrite ? drawers.edit : undefined}
        onSetActive={canWrite ? setActive : undefined}
      />
      <OutletForm open={drawers.formOpen} record={drawers.editing} onClose={drawers.closeForm} />
    </>
  );
}
