import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Technician, type TechnicianListQuery, technicians } from '../../api/technicians.ts';
import { useCan } from '../../auth/useAccess.ts';
import { DetailDrawer } from '../../components/DetailDrawer.tsx';
import { EnumFilter, OutletFilter, SearchFilter, StatusFilter } from '../../components/filters.tsx';
import { formatDateTime } from '../../components/format.ts';
import { CreateButton, ListPage } from '../../components/ListPage.tsx';
import { EnumTag, enumLabel } from '../../components/labels.tsx';
import { useCategoryNames } from '../../components/pickers.tsx';
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
import { LicenceTag } from './LicenceTag.tsx';
import { TechnicianForm } from './TechnicianForm.tsx';
import { Trainings } from './Trainings.tsx';

type Filters = { q?: string; outletId?: string; level?: string; status?: string; licence?: string };

export default function TechniciansPage() {
  const { t } = useTranslation();
  const allowed = useCan();
  const canWrite = allowed('technician.write');
  const list = useListParams<Filters>(['q', 'outletId', 'level', 'status', 'licence']);
  const query = technicians.useList(list.params as TechnicianListQuery);
  const drawers = useDrawers<Technician>();
  const detail = technicians.useOne(drawers.viewId);
  const x = detail.data;
  const setActive = useStatusToggle(technicians, 'inactive');
  const actions: RecordActionsOf<Technician> = {
    onEdit: drawers.edit,
    isActive: hasActiveStatus,
    nameOf: (row) => row.name,
    onSetActive: setActive,
  };
  const categoryName = useCategoryNames();
  // One line per category: 空调 — 安装、维修、保养.
  const skills = (row: Technician) => {
    const byCategory = new Map<string, string[]>();
    for (const s of row.skills)
      byCategory.set(s.categoryCode, [...(byCategory.get(s.categoryCode) ?? []), s.serviceType]);
    if (byCategory.size === 0) return t('common.none');
    return (
      <Flex vertical gap={4}>
        {[...byCategory].map(([code, types]) => (
          <div key={code}>
            <Tag color="blue">{categoryName(code)}</Tag>
            {types.map((st) => enumLabel(t, 'serviceType', st)).join('、')}
          </div>
        ))}
      </Flex>
    );
  };

  return (
    <>
      <ListPage<Technician, Filters>
        title={t('technicians.title')}
        list={list}
        rowKey="id"
        query={query}
        onRowClick={(row) => drawers.view(row.id)}
        toolbar={canWrite ? <CreateButton onClick={drawers.create}>{t('technicians.create')}</CreateButton> : null}
        filters={
          <>
            <SearchFilter placeholder={t('technicians.searchPlaceholder')} />
            <OutletFilter placeholder={t('technicians.outlet')} />
            <EnumFilter name="level" kind="technicianLevel" placeholder={t('technicians.level')} />
            <EnumFilter name="licence" kind="licence" placeholder={t('technicians.licence')} />
            <StatusFilter />
          </>
        }
        columns={[
          { dataIndex: 'code', title: t('common.code') },
          { dataIndex: 'name', title: t('common.name') },
          { dataIndex: 'outletName', title: t('technicians.outlet'), render: (v) => v ?? t('common.none') },
          { dataIndex: 'phone', title: t('common.phone') },
          {
            dataIndex: 'level',
            title: t('technicians.level'),
            render: (v) => <EnumTag kind="technicianLevel" value={v} />,
          },
          { dataIndex: 'licenceNo', title: t('technicians.licenceNo'), render: (v) => v ?? t('common.none') },
          {
            key: 'licence',
            title: t('technicians.licenceValidUntil'),
            render: (_, row) => <LicenceTag technician={row} />,
          },
          statusColumn(t),
          actionColumn(t, !canWrite, actions),
        ]}
      />
      <DetailDrawer
        open={Boolean(drawers.viewId)}
        title={x ? t('common.nameWithCode', { name: x.name, code: x.code }) : ''}
        onClose={drawers.closeView}
        loading={detail.isLoading}
        actions={x && canWrite ? recordActions(t, x, actions) : null}
        items={
          x
            ? [
                { key: 'outlet', label: t('technicians.outlet'), children: x.outletName ?? t('common.none') },
                statusItem(t, x.status),
                { key: 'phone', label: t('common.phone'), children: x.phone },
                {
                  key: 'level',
                  label: t('technicians.level'),
                  children: <EnumTag kind="technicianLevel" value={x.level} />,
                },
                { key: 'licenceNo', label: t('technicians.licenceNo'), children: x.licenceNo ?? t('common.none') },
                { key: 'licence', label: t('technicians.licenceValidUntil'), children: <LicenceTag technician={x} /> },
                { key: 'skills', label: t('technicians.skills'), children: skills(x), span: 2 },
                { key: 'updated', label: t('common.updatedAt'), children: formatDateTime(x.updatedAt), span: 2 },
              ]
            : []
        }
      >
        {x ? <Trainings technicianId={x.id} canAdd={allowed('training.add')} /> : null}
      </DetailDrawer>
      <TechnicianForm open={drawers.formOpen} record={drawers.editing} onClose={drawers.closeForm} />
    </>
  );
}
