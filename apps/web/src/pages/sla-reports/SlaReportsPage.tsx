import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Empty, Flex, Segmented, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { BrandSelect } from '../../components/pickers.tsx';
import {
  exportUrl,
  type OnTimeRow,
  type ReportFilters,
  type ResolutionRow,
  type SlaReportGroupBy,
  useOnTimeReport,
  useResolutionReport,
} from './api.ts';
import { EChart } from './EChart.tsx';
import { type ChartText, onTimeOption, percent, resolutionOption } from './report-charts.ts';

const GROUPS: readonly SlaReportGroupBy[] = ['brand', 'region', 'outlet', 'day', 'week', 'month'];
const FORMAT = 'YYYY-MM-DD';

function rateText(rate: number | null | undefined): string {
  const p = percent(rate);
  return p === null ? '—' : `${p}%`;
}

/** Section G reports: resolution rates within 1/2/3/5 days against the targets, on-time rate per milestone. */
export default function SlaReportsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  const { data: me } = useMe();
  const [brandId, setBrandId] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(29, 'day'), dayjs()]);
  const [groupBy, setGroupBy] = useState<SlaReportGroupBy>('brand');
  const filters: ReportFilters = {
    brandId,
    from: range[0].format(FORMAT),
    to: range[1].format(FORMAT),
    groupBy,
  };
  const resolution = useResolutionReport(filters);
  const onTime = useOnTimeReport(filters);

  const text: ChartText = useMemo(
    () => ({
      none: t('slaReports.none'),
      within: (days) => t('slaReports.within', { days }),
      target: (days) => t('slaReports.target', { days }),
      onTimeRate: t('slaReports.onTimeRate'),
    }),
    [t],
  );
  const resolutionChart = useMemo(
    () => (resolution.data ? resolutionOption(resolution.data, text) : null),
    [resolution.data, text],
  );
  const onTimeChart = useMemo(
    () => (onTime.data ? onTimeOption(onTime.data, lang, text) : null),
    [onTime.data, lang, text],
  );
  // The resolution milestone by its name (五日内解决), as the on-time report names it; its key otherwise.
  const milestoneNames = new Map((onTime.data?.totals ?? []).map((r) => [r.milestoneKey, r.milestoneName[lang]]));
  const milestones = [
    ...new Set(
      (resolution.data?.brands ?? []).map((b) =>
        b.resolutionMilestone ? (milestoneNames.get(b.resolutionMilestone) ?? b.resolutionMilestone) : '—',
      ),
    ),
  ];
  const reportBrands = resolution.data?.brands ?? [];
  const noResolution = reportBrands.length > 0 && reportBrands.every((b) => !b.resolutionMilestone);
  const days = resolution.data?.days ?? [1, 2, 3, 5];

  const groupColumn = {
    title: t(`slaReports.group.${groupBy}`),
    key: 'group',
    render: (_: unknown, r: { label: string | null }) => r.label ?? t('slaReports.none'),
  };
  const resolutionRows = resolution.data ? [...resolution.data.rows, { ...resolution.data.total, key: '__total' }] : [];
  const onTimeRows = onTime.data
    ? [...onTime.data.rows, ...onTime.data.totals.map((r) => ({ ...r, key: '__total', label: t('slaReports.total') }))]
    : [];

  return (
    <Flex vertical gap={16} data-testid="sla-reports-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('slaReports.title')}
      </Typography.Title>
      <Card size="small">
        <Flex gap={16} align="center" wrap>
          {me?.scope.brandIds.length === 1 ? null : (
            <BrandSelect placeholder={t('slaReports.allBrands')} value={brandId} onChange={setBrandId} />
          )}
          <DatePicker.RangePicker
            allowClear={false}
            value={range}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
            aria-label={t('slaReports.period')}
          />
          <Segmented<SlaReportGroupBy>
            value={groupBy}
            onChange={setGroupBy}
            options={GROUPS.map((g) => ({ value: g, label: t(`slaReports.group.${g}`) }))}
            data-testid="sla-reports-group-by"
          />
          <Flex gap={8} style={{ marginLeft: 'auto' }}>
            <Button icon={<DownloadOutlined />} href={exportUrl('resolution', filters)} download>
              {t('slaReports.exportResolution')}
            </Button>
            <Button icon={<DownloadOutlined />} href={exportUrl('on-time', filters)} download>
              {t('slaReports.exportOnTime')}
            </Button>
          </Flex>
        </Flex>
      </Card>

      <Card
        size="small"
        title={t('slaReports.resolutionTitle')}
        loading={resolution.isLoading}
        extra={
          <Typography.Text type="secondary">
            {t('slaReports.resolutionHint', { milestone: milestones.join(' / ') })}
          </Typography.Text>
        }
      >
        {noResolution ? <Alert type="info" showIcon title={t('slaReports.noResolution')} /> : null}
        {resolution.data?.rows.length ? (
          <EChart option={resolutionChart ?? {}} testId="sla-resolution-chart" />
        ) : (
          <Empty description={t('slaReports.empty')} />
        )}
        <Table<ResolutionRow & { key: string | null }>
          size="small"
          rowKey={(r) => r.key ?? '__none'}
          pagination={false}
          dataSource={resolutionRows}
          scroll={{ x: true }}
          columns={[
            {
              ...groupColumn,
              render: (_, r) =>
                r.key === '__total' ? <strong>{t('slaReports.total')}</strong> : (r.label ?? t('slaReports.none')),
            },
            { title: t('slaReports.orders'), dataIndex: 'orders', align: 'right' },
            { title: t('slaReports.resolved'), dataIndex: 'resolved', align: 'right' },
            { title: t('slaReports.open'), dataIndex: 'open', align: 'right' },
            ...days.map((d) => ({
              title: t('slaReports.within', { days: d }),
              key: `d${d}`,
              align: 'right' as const,
              render: (_: unknown, r: ResolutionRow) => {
                const w = r.within.find((x) => x.days === d);
                if (!w) return '—';
                return (
                  <Flex gap={4} justify="end" align="center">
                    <span title={`${w.resolved} / ${w.base}`}>{rateText(w.rate)}</span>
                    {w.met === null ? null : (
                      <Tag
                        color={w.met ? 'green' : 'red'}
                        title={`${t('slaReports.target', { days: d })} ${rateText(w.target)}`}
                      >
                        {w.met ? t('slaReports.met') : t('slaReports.notMet')}
                      </Tag>
                    )}
                  </Flex>
                );
              },
            })),
          ]}
        />
      </Card>

      <Card
        size="small"
        title={t('slaReports.onTimeTitle')}
        loading={onTime.isLoading}
        extra={<Typography.Text type="secondary">{t('slaReports.onTimeHint')}</Typography.Text>}
      >
        {onTime.data?.totals.length ? (
          <EChart option={onTimeChart ?? {}} height={280} testId="sla-on-time-chart" />
        ) : (
          <Empty description={t('slaReports.empty')} />
        )}
        <Table<OnTimeRow>
          size="small"
          rowKey={(r) => `${r.key ?? '__none'}:${r.milestoneKey}`}
          pagination={false}
          dataSource={onTimeRows}
          scroll={{ x: true }}
          columns={[
            groupColumn,
            { title: t('slaReports.milestone'), key: 'milestone', render: (_, r) => r.milestoneName[lang] },
            { title: t('slaReports.count'), dataIndex: 'total', align: 'right' },
            { title: t('slaReports.onTime'), dataIndex: 'met', align: 'right' },
            { title: t('slaReports.missed'), dataIndex: 'missed', align: 'right' },
            { title: t('slaReports.running'), dataIndex: 'open', align: 'right' },
            { title: t('slaReports.paused'), dataIndex: 'paused', align: 'right' },
            { title: t('slaReports.overdue'), dataIndex: 'openOverdue', align: 'right' },
            { title: t('slaReports.customerCaused'), dataIndex: 'customerCaused', align: 'right' },
            { title: t('slaReports.onTimeRate'), key: 'rate', align: 'right', render: (_, r) => rateText(r.rate) },
          ]}
        />
      </Card>
    </Flex>
  );
}
