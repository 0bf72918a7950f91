import type { SlaBoardGroup } from '@aftercare/contracts';
import { Alert, Card, Col, Flex, Row, Segmented, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { type SlaBoardItem, useSlaBoard } from '../../api/sla.ts';
import { useApiRoutes } from '../../api/work-orders.ts';
import { formatDateTime } from '../../components/format.ts';
import { BrandSelect, OutletSelect, RegionSelect } from '../../components/pickers.tsx';
import { hasRoute } from '../orders/order-values.ts';
import { DueCountdown } from './DueCountdown.tsx';
import { nameIn } from './sla-format.ts';

const WINDOWS = [1, 2, 4, 8, 24] as const;
type GroupKind = 'byBrand' | 'byRegion' | 'byOutlet';

/**
 * The at-risk board (section G): open milestones past due or due within the window and paused ones,
 * counted by brand, region and outlet, and the at-risk list with live countdowns; every 15 s.
 */
export default function SlaBoardPage() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const routes = useApiRoutes();
  const routed = hasRoute(routes.data, 'GET /sla/board');
  const [brandId, setBrandId] = useState<string | undefined>();
  const [regionId, setRegionId] = useState<string | undefined>();
  const [outletId, setOutletId] = useState<string | undefined>();
  const [withinHours, setWithinHours] = useState<number>(4);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [group, setGroup] = useState<GroupKind>('byOutlet');
  const board = useSlaBoard({ brandId, regionId, outletId, withinHours, ...page }, routed);
  const data = board.data;
  const singleBrand = me?.scope.brandIds.length === 1;
  const reset = () => setPage((p) => ({ ...p, page: 1 }));

  const pick = (kind: GroupKind, g: SlaBoardGroup) => {
    if (!g.id) return;
    if (kind === 'byBrand') setBrandId(g.id);
    if (kind === 'byRegion') setRegionId(g.id);
    if (kind === 'byOutlet') setOutletId(g.id);
    reset();
  };
  const none = (kind: GroupKind) =>
    kind === 'byOutlet' ? t('slaBoard.noOutlet') : kind === 'byRegion' ? t('slaBoard.noRegion') : '—';

  return (
    <Flex vertical gap={16} data-testid="sla-board-page">
      <Flex justify="space-between" align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('slaBoard.title')}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('slaBoard.autoRefresh')}
          {data ? ` · ${t('slaBoard.refreshedAt', { at: formatDateTime(data.asOf) })}` : ''}
        </Typography.Text>
      </Flex>
      {routes.data !== undefined && !routed ? <Alert type="info" showIcon title={t('slaBoard.notYet')} /> : null}
      <Card size="small">
        <Flex gap={12} wrap align="center">
          {singleBrand ? null : (
            <BrandSelect
              placeholder={t('slaBoard.brand')}
              value={brandId}
              onChange={(v) => {
                setBrandId(v);
                setRegionId(undefined);
                reset();
              }}
            />
          )}
          <RegionSelect
            brandId={brandId}
            placeholder={t('slaBoard.region')}
            value={regionId}
            onChange={(v) => {
              setRegionId(v);
              reset();
            }}
          />
          <OutletSelect
            placeholder={t('slaBoard.outlet')}
            value={outletId}
            onChange={(v) => {
              setOutletId(v);
              reset();
            }}
          />
          <Typography.Text type="secondary">{t('slaBoard.within')}</Typography.Text>
          <Segmented<number>
            value={withinHours}
            options={WINDOWS.map((h) => ({ value: h, label: `${h}h` }))}
            onChange={(h) => {
              setWithinHours(h);
              reset();
            }}
            data-testid="sla-within"
          />
        </Flex>
      </Card>
      <Row gutter={16}>
        <Col span={8}>
          <Card size="small" data-testid="sla-count-breached">
            <Statistic
              title={t('slaBoard.breached')}
              value={data?.summary.breached ?? 0}
              styles={{ content: { color: '#cf1322' } }}
            />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small" data-testid="sla-count-due-soon">
            <Statistic
              title={`${t('slaBoard.dueSoon')} · ${t('slaBoard.withinHours', { hours: withinHours })}`}
              value={data?.summary.dueSoon ?? 0}
              styles={{ content: { color: '#d46b08' } }}
            />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small" data-testid="sla-count-paused">
            <Statistic
              title={t('slaBoard.paused')}
              value={data?.summary.paused ?? 0}
              styles={{ content: { color: '#1677ff' } }}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={group}
          onChange={(k) => setGroup(k as GroupKind)}
          items={(['byBrand', 'byRegion', 'byOutlet'] as const).map((k) => ({
            key: k,
            label: t(`slaBoard.${k}`),
            children: (
              <Table<SlaBoardGroup>
                rowKey={(g) => g.id ?? 'none'}
                size="small"
                pagination={false}
                loading={board.isFetching && !data}
                dataSource={data?.[k] ?? []}
                locale={{ emptyText: t('slaBoard.empty') }}
                onRow={(g) => ({ onClick: () => pick(k, g), style: { cursor: g.id ? 'pointer' : 'default' } })}
                columns={[
                  {
                    key: 'name',
                    title: t(`slaBoard.${k === 'byBrand' ? 'brand' : k === 'byRegion' ? 'region' : 'outlet'}`),
                    render: (_, g) => (g.name ? `${g.name}${g.code ? ` (${g.code})` : ''}` : none(k)),
                  },
                  {
                    dataIndex: 'breached',
                    title: t('slaBoard.breached'),
                    render: (v: number) => (v ? <Tag color="red">{v}</Tag> : 0),
                  },
                  {
                    dataIndex: 'dueSoon',
                    title: t('slaBoard.dueSoon'),
                    render: (v: number) => (v ? <Tag color="orange">{v}</Tag> : 0),
                  },
                  { dataIndex: 'paused', title: t('slaBoard.paused') },
                ]}
              />
            ),
          }))}
        />
      </Card>
      <Card size="small" title={t('slaBoard.list')}>
        <Table<SlaBoardItem>
          rowKey="id"
          size="middle"
          loading={board.isFetching && !data}
          dataSource={data?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('slaBoard.empty') }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: data?.total ?? 0,
            showTotal: (count) => t('common.total', { count }),
            onChange: (p, s) => setPage({ page: p, pageSize: s }),
          }}
          columns={[
            {
              key: 'order',
              title: t('slaBoard.order'),
              render: (_, m) => <Link to={`/orders/${m.order.id}`}>{m.order.number}</Link>,
            },
            {
              key: 'milestone',
              title: t('slaBoard.milestone'),
              render: (_, m) => (
                <Flex gap={4} align="center">
                  <span>{nameIn(m.name, i18n.language)}</span>
                  {m.customerCaused ? <Tag color="purple">{t('slaBoard.customerCaused')}</Tag> : null}
                </Flex>
              ),
            },
            { key: 'brand', title: t('slaBoard.brand'), render: (_, m) => m.brand.name },
            {
              key: 'responsible',
              title: t('slaBoard.responsible'),
              render: (_, m) => t(`slaBoard.responsibles.${m.responsible}`),
            },
            {
              key: 'outlet',
              title: t('slaBoard.outlet'),
              render: (_, m) => m.outlet?.name ?? t('common.none'),
            },
            { key: 'region', title: t('slaBoard.region'), render: (_, m) => m.region?.name ?? t('common.none') },
            { dataIndex: 'dueAt', title: t('slaBoard.dueAt'), render: (v: string) => formatDateTime(v) },
            { key: 'left', title: t('slaBoard.left'), render: (_, m) => <DueCountdown dueAt={m.dueAt} /> },
          ]}
        />
      </Card>
    </Flex>
  );
}
