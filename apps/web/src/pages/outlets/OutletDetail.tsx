import { Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Outlet, outlets } from '../../api/outlets.ts';
import { useRegionOptions } from '../../api/regions.ts';
import { serviceCenters } from '../../api/service-centers.ts';
import { DetailDrawer } from '../../components/DetailDrawer.tsx';
import { DivisionName } from '../../components/DivisionPicker.tsx';
import { formatDateTime } from '../../components/format.ts';
import { EnumTag, EnumTags } from '../../components/labels.tsx';
import { OutletName, useBrandNames, useCategoryNames } from '../../components/pickers.tsx';
import { type RecordActionsOf, recordActions, statusItem } from '../../components/RecordActions.tsx';
import { type AuthorizationRow, groupAuthorizations } from './outlet-values.ts';

function CenterName({ id }: { id: string | null }) {
  const { data } = serviceCenters.useOne(id);
  return <>{id ? (data?.name ?? '…') : '—'}</>;
}

export interface OutletDetailProps {
  id: string | null;
  onClose: () => void;
  /** Edit and deactivate/activate, for those who may write. */
  actions?: RecordActionsOf<Outlet>;
}

export function OutletDetail({ id, onClose, actions }: OutletDetailProps) {
  const { t } = useTranslation();
  const { data: o, isLoading } = outlets.useOne(id);
  const brandName = useBrandNames();
  const categoryName = useCategoryNames();
  const { data: regionList } = useRegionOptions();
  const regionName = (rid: string | null) => (rid ? (regionList?.find((r) => r.id === rid)?.name ?? '…') : '—');
  const section = (title: string) => (
    <Typography.Title level={5} style={{ margin: 0 }}>
      {title}
    </Typography.Title>
  );

  return (
    <DetailDrawer
      open={Boolean(id)}
      title={o ? `${o.name}` : ''}
      onClose={onClose}
      loading={isLoading}
      testId="outlet-detail"
      actions={o && actions ? recordActions(t, o, actions) : null}
      items={
        o
          ? [
              { key: 'code', label: t('common.code'), children: o.code },
              { key: 'tier', label: t('outlets.tier'), children: <EnumTag kind="outletTier" value={o.tier} /> },
              statusItem(t, o.status, 'outletStatus'),
              {
                key: 'capacity',
                label: t('outlets.capacity'),
                children: `${o.capacityPerDay} ${t('outlets.capacityUnit')}`,
              },
              {
                key: 'division',
                label: t('outlets.division'),
                children: o.divisionName ?? <DivisionName code={o.divisionCode} />,
              },
              { key: 'parent', label: t('outlets.parent'), children: <OutletName id={o.parentOutletId} /> },
              { key: 'address', label: t('common.address'), children: o.address, span: 2 },
              {
                key: 'geo',
                label: `${t('outlets.lat')} / ${t('outlets.lng')}`,
                children: o.lat != null && o.lng != null ? `${o.lat}, ${o.lng}` : t('common.none'),
              },
              { key: 'contact', label: t('outlets.contactName'), children: o.contactName ?? t('common.none') },
              { key: 'phone', label: t('common.phone'), children: o.phone ?? t('common.none') },
              { key: 'dealer', label: t('outlets.dealerHotline'), children: o.dealerHotline ?? t('common.none') },
              { key: 'techs', label: t('outlets.technicianCount'), children: o.technicianCount },
              { key: 'updated', label: t('common.updatedAt'), children: formatDateTime(o.updatedAt) },
            ]
          : []
      }
    >
      {o ? (
        <>
          {section(t('outlets.brands'))}
          <Table
            size="small"
            pagination={false}
            rowKey="brandId"
            dataSource={o.brands}
            columns={[
              { dataIndex: 'brandId', title: t('outlets.brand'), render: brandName },
              { dataIndex: 'regionId', title: t('outlets.region'), render: regionName },
              {
                dataIndex: 'centerId',
                title: t('outlets.center'),
                render: (v: string | null) => <CenterName id={v} />,
              },
            ]}
          />
          {section(t('outlets.coverage'))}
          <Flex wrap gap={4} data-testid="outlet-coverage">
            {o.coverage.length
              ? o.coverage.map((c) => (
                  <Tag key={c}>
                    <DivisionName code={c} />
                  </Tag>
                ))
              : t('common.none')}
          </Flex>
          {section(t('outlets.authorizations'))}
          <Table
            size="small"
            pagination={false}
            rowKey={(r) => `${r.brandId}/${r.categoryCode}`}
            dataSource={groupAuthorizations(o.authorizations)}
            columns={[
              { dataIndex: 'brandId', title: t('outlets.brand'), render: brandName },
              {
                dataIndex: 'categoryCode',
                title: t('outlets.category'),
                render: (v: string, r: AuthorizationRow) => categoryName(v, r.brandId),
              },
              {
                dataIndex: 'serviceTypes',
                title: t('outlets.serviceTypes'),
                render: (v: string[]) => <EnumTags kind="serviceType" values={v} />,
              },
            ]}
          />
        </>
      ) : null}
    </DetailDrawer>
  );
}
