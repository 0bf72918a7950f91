import { Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRegionOptions } from '../../api/regions.ts';
import {
  type ServiceCenter,
  type ServiceCenterCreate,
  type ServiceCenterListQuery,
  serviceCenters,
} from '../../api/service-centers.ts';
import { useCan } from '../../auth/useAccess.ts';
import { DetailDrawer } from '../../components/DetailDrawer.tsx';
import { DivisionName, DivisionPicker } from '../../components/DivisionPicker.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { BrandFilter, RegionFilter, SearchFilter, StatusFilter } from '../../components/filters.tsx';
import { CodeField, NameField, PhoneField } from '../../components/form-fields.tsx';
import { blankToNull } from '../../components/form-values.ts';
import { formatDateTime } from '../../components/format.ts';
import { CreateButton, ListPage } from '../../components/ListPage.tsx';
import { RegionSelect, useBrandNames } from '../../components/pickers.tsx';
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

type Filters = { q?: string; brandId?: string; regionId?: string; status?: string };

function CenterForm({ open, record, onClose }: { open: boolean; record: ServiceCenter | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = serviceCenters.useCreate();
  const update = serviceCenters.useUpdate();
  return (
    <FormDrawer<ServiceCenterCreate>
      open={open}
      title={record ? t('serviceCenters.edit') : t('serviceCenters.create')}
      onClose={onClose}
      initialValues={record ?? {}}
      onSubmit={async (raw) => {
        const v = blankToNull(raw);
        if (record) {
          const { name, divisionCode, address, phone } = v;
          await update.mutateAsync({ id: record.id, body: { name, divisionCode, address, phone } });
        } else await create.mutateAsync(v);
      }}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="regionId" label={t('serviceCenters.region')} rules={[{ required: true }]}>
            <RegionSelect disabled={Boolean(record)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <CodeField locked={Boolean(record)} />
        </Col>
      </Row>
      <NameField />
      <Form.Item name="divisionCode" label={t('serviceCenters.division')}>
        <DivisionPicker />
      </Form.Item>
      <Form.Item name="address" label={t('common.address')}>
        <Input maxLength={200} />
      </Form.Item>
      <PhoneField />
    </FormDrawer>
  );
}

export default function ServiceCentersPage() {
  const { t } = useTranslation();
  const allowed = useCan();
  const canWrite = allowed('serviceCenter.write');
  const list = useListParams<Filters>(['q', 'brandId', 'regionId', 'status']);
  const query = serviceCenters.useList(list.params as ServiceCenterListQuery);
  const drawers = useDrawers<ServiceCenter>();
  const detail = serviceCenters.useOne(drawers.viewId);
  const brandName = useBrandNames();
  const { data: regionList } = useRegionOptions();
  const regionName = (id: string) => regionList?.find((r) => r.id === id)?.name ?? '…';
  const c = detail.data;
  const setActive = useStatusToggle(serviceCenters, 'inactive');
  const actions: RecordActionsOf<ServiceCenter> = {
    onEdit: drawers.edit,
    isActive: hasActiveStatus,
    nameOf: (row) => row.name,
    onSetActive: setActive,
  };

  return (
    <>
      <ListPage<ServiceCenter, Filters>
        title={t('serviceCenters.title')}
        list={list}
        rowKey="id"
        query={query}
        onRowClick={(row) => drawers.view(row.id)}
        toolbar={canWrite ? <CreateButton onClick={drawers.create}>{t('serviceCenters.create')}</CreateButton> : null}
        filters={
          <>
            <SearchFilter placeholder={t('serviceCenters.searchPlaceholder')} />
            <BrandFilter placeholder={t('serviceCenters.brand')} />
            <RegionFilter placeholder={t('serviceCenters.region')} />
            <StatusFilter />
          </>
        }
        columns={[
          { dataIndex: 'code', title: t('common.code') },
          { dataIndex: 'name', title: t('common.name') },
          { dataIndex: 'brandId', title: t('serviceCenters.brand'), render: brandName },
          { dataIndex: 'regionId', title: t('serviceCenters.region'), render: regionName },
          { dataIndex: 'divisionCode', title: t('serviceCenters.division'), render: (v) => <DivisionName code={v} /> },
          { dataIndex: 'phone', title: t('common.phone'), render: (v) => v ?? t('common.none') },
          statusColumn(t),
          actionColumn(t, !canWrite, actions),
        ]}
      />
      <DetailDrawer
        open={Boolean(drawers.viewId)}
        title={c?.name ?? ''}
        onClose={drawers.closeView}
        loading={detail.isLoading}
        actions={c && canWrite ? recordActions(t, c, actions) : null}
        items={
          c
            ? [
                { key: 'code', label: t('common.code'), children: c.code },
                statusItem(t, c.status),
                { key: 'brand', label: t('serviceCenters.brand'), children: brandName(c.brandId) },
                { key: 'region', label: t('serviceCenters.region'), children: regionName(c.regionId) },
                {
                  key: 'division',
                  label: t('serviceCenters.division'),
                  children: <DivisionName code={c.divisionCode} />,
                  span: 2,
                },
                { key: 'address', label: t('common.address'), children: c.address ?? t('common.none'), span: 2 },
                { key: 'phone', label: t('common.phone'), children: c.phone ?? t('common.none') },
                { key: 'updated', label: t('common.updatedAt'), children: formatDateTime(c.updatedAt) },
              ]
            : []
        }
      />
      <CenterForm open={drawers.formOpen} record={drawers.editing} onClose={drawers.closeForm} />
    </>
  );
}
