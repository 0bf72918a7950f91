import { Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDivisions } from '../../api/divisions.ts';
import { type Region, type RegionCreate, type RegionListQuery, regions } from '../../api/regions.ts';
import { useCan } from '../../auth/useAccess.ts';
import { DetailDrawer } from '../../components/DetailDrawer.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { BrandFilter, SearchFilter, StatusFilter } from '../../components/filters.tsx';
import { CodeField, NameField, PhoneField } from '../../components/form-fields.tsx';
import { blankToNull } from '../../components/form-values.ts';
import { formatDateTime } from '../../components/format.ts';
import { CreateButton, ListPage } from '../../components/ListPage.tsx';
import { BrandSelect, ProvinceSelect, useBrandNames } from '../../components/pickers.tsx';
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

type Filters = { q?: string; brandId?: string; status?: string };

function useProvinceNames() {
  const { data } = useDivisions({ level: 1, limit: 100 });
  return (codes: string[]) => codes.map((c) => data?.find((d) => d.code === c)?.name ?? c).join('、') || '—';
}

function RegionForm({ open, record, onClose }: { open: boolean; record: Region | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = regions.useCreate();
  const update = regions.useUpdate();
  return (
    <FormDrawer<RegionCreate>
      open={open}
      title={record ? t('regions.edit') : t('regions.create')}
      onClose={onClose}
      initialValues={record ?? { provinceCodes: [] }}
      onSubmit={async (raw) => {
        const v = blankToNull(raw);
        if (record) {
          const { provinceCodes, managerName, phone, name } = v;
          await update.mutateAsync({ id: record.id, body: { name, provinceCodes, managerName, phone } });
        } else await create.mutateAsync(v);
      }}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="brandId" label={t('regions.brand')} rules={[{ required: true }]}>
            <BrandSelect disabled={Boolean(record)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <CodeField locked={Boolean(record)} />
        </Col>
      </Row>
      <NameField />
      <Form.Item name="provinceCodes" label={t('regions.provinces')}>
        <ProvinceSelect />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="managerName" label={t('regions.manager')}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <PhoneField />
        </Col>
      </Row>
    </FormDrawer>
  );
}

export default function RegionsPage() {
  const { t } = useTranslation();
  const allowed = useCan();
  const canWrite = allowed('region.write');
  const list = useListParams<Filters>(['q', 'brandId', 'status']);
  const query = regions.useList(list.params as RegionListQuery);
  const drawers = useDrawers<Region>();
  const detail = regions.useOne(drawers.viewId);
  const brandName = useBrandNames();
  const provinceNames = useProvinceNames();
  const r = detail.data;
  const setActive = useStatusToggle(regions, 'inactive');
  const actions: RecordActionsOf<Region> = {
    onEdit: drawers.edit,
    isActive: hasActiveStatus,
    nameOf: (row) => row.name,
    onSetActive: setActive,
  };

  return (
    <>
      <ListPage<Region, Filters>
        title={t('regions.title')}
        list={list}
        rowKey="id"
        query={query}
        onRowClick={(row) => drawers.view(row.id)}
        toolbar={canWrite ? <CreateButton onClick={drawers.create}>{t('regions.create')}</CreateButton> : null}
        filters={
          <>
            <SearchFilter placeholder={t('regions.searchPlaceholder')} />
            <BrandFilter placeholder={t('regions.brand')} />
            <StatusFilter />
          </>
        }
        columns={[
          { dataIndex: 'code', title: t('common.code') },
          { dataIndex: 'name', title: t('common.name') },
          { dataIndex: 'brandId', title: t('regions.brand'), render: brandName },
          { dataIndex: 'provinceCodes', title: t('regions.provinces'), render: provinceNames, ellipsis: true },
          { dataIndex: 'managerName', title: t('regions.manager'), render: (v) => v ?? t('common.none') },
          { dataIndex: 'phone', title: t('common.phone'), render: (v) => v ?? t('common.none') },
          statusColumn(t),
          actionColumn(t, !canWrite, actions),
        ]}
      />
      <DetailDrawer
        open={Boolean(drawers.viewId)}
        title={r?.name ?? ''}
        onClose={drawers.closeView}
        loading={detail.isLoading}
        actions={r && canWrite ? recordActions(t, r, actions) : null}
        items={
          r
            ? [
                { key: 'code', label: t('common.code'), children: r.code },
                statusItem(t, r.status),
                { key: 'brand', label: t('regions.brand'), children: brandName(r.brandId) },
                { key: 'name', label: t('common.name'), children: r.name },
                { key: 'provinces', label: t('regions.provinces'), children: provinceNames(r.provinceCodes), span: 2 },
                { key: 'manager', label: t('regions.manager'), children: r.managerName ?? t('common.none') },
                { key: 'phone', label: t('common.phone'), children: r.phone ?? t('common.none') },
                { key: 'created', label: t('common.createdAt'), children: formatDateTime(r.createdAt) },
                { key: 'updated', label: t('common.updatedAt'), children: formatDateTime(r.updatedAt) },
              ]
            : []
        }
      />
      <RegionForm open={drawers.formOpen} record={drawers.editing} onClose={drawers.closeForm} />
    </>
  );
}
