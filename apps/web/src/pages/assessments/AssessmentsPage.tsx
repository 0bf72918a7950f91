import { Card, DatePicker, Flex, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AssessmentSlip, type SlipFilters, useSlipSummary, useSlips } from '../../api/assessments.ts';
import { useMe } from '../../api/auth.ts';
import { formatFen } from '../../components/money.ts';
import { BrandSelect, OutletSelect } from '../../components/pickers.tsx';
import { SlipDrawer } from './SlipDrawer.tsx';
import { SlipsTable } from './SlipsTable.tsx';

const STATUSES: AssessmentSlip['status'][] = ['open', 'appealed', 'confirmed', 'withdrawn'];

/** 考核单 (console): slips of the caller's brands with filters, a drawer to review, and the month's totals. */
export default function AssessmentsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const singleBrand = me?.scope.brandIds.length === 1 ? me.scope.brandIds[0] : undefined;
  const [filters, setFilters] = useState<Omit<SlipFilters, 'page' | 'pageSize'>>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const slips = useSlips({ ...filters, ...page });
  const [open, setOpen] = useState<string | null>(null);
  const set = (f: Partial<SlipFilters>) => {
    setFilters((old) => ({ ...old, ...f }));
    setPage((p) => ({ ...p, page: 1 }));
  };

  return (
    <Flex vertical gap={16} data-testid="assessments-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('assessments.title')}
      </Typography.Title>
      <Card size="small">
        <Flex gap={12} align="center" wrap>
          {singleBrand ? null : (
            <BrandSelect
              placeholder={t('orders.brand')}
              value={filters.brandId}
              onChange={(v) => set({ brandId: v ?? undefined })}
            />
          )}
          <OutletSelect
            placeholder={t('assessments.outlet')}
            value={filters.outletId}
            onChange={(v) => set({ outletId: v ?? undefined })}
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('assessments.allStatuses')}
            value={filters.status}
            onChange={(v) => set({ status: v })}
            options={STATUSES.map((s) => ({ value: s, label: t(`assessments.statuses.${s}`) }))}
          />
          <DatePicker.RangePicker
            placeholder={[t('assessments.dateRange'), t('assessments.dateRange')]}
            onChange={(r) =>
              set({ from: r?.[0]?.format('YYYY-MM-DD') ?? undefined, to: r?.[1]?.format('YYYY-MM-DD') ?? undefined })
            }
          />
        </Flex>
      </Card>
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <SlipsTable
          data={slips.data}
          loading={slips.isFetching && !slips.data}
          page={page}
          onPage={setPage}
          onOpen={setOpen}
          showParty
        />
      </Card>
      <SummaryCard brandId={filters.brandId ?? singleBrand} />
      {open ? <SlipDrawer id={open} onClose={() => setOpen(null)} orderLinks /> : null}
    </Flex>
  );
}

/** Confirmed slip totals of one month per outlet / agent: what settlement will deduct. */
function SummaryCard({ brandId }: { brandId: string | undefined }) {
  const { t } = useTranslation();
  const [month, setMonth] = useState<Dayjs>(() => dayjs());
  const summary = useSlipSummary(brandId, month.format('YYYY-MM'));
  const rows = summary.data?.items ?? [];
  return (
    <Card
      size="small"
      title={t('assessments.summaryTitle')}
      extra={
        <DatePicker
          picker="month"
          allowClear={false}
          value={month}
          onChange={(v) => v && setMonth(v)}
          aria-label={t('assessments.summaryPeriod')}
        />
      }
    >
      {brandId ? (
        <Table
          size="small"
          rowKey={(r) => r.outlet?.id ?? r.user?.id ?? r.party}
          loading={summary.isFetching && !summary.data}
          dataSource={rows}
          pagination={false}
          footer={() => t('assessments.summaryTotal', { amount: formatFen(summary.data?.totalFen ?? 0) })}
          columns={[
            {
              key: 'party',
              title: t('assessments.party'),
              render: (_, r) => `${t(`assessments.parties.${r.party}`)} · ${r.outlet?.name ?? r.user?.name ?? '—'}`,
            },
            { dataIndex: 'count', title: t('assessments.summaryCount'), align: 'right' },
            {
              dataIndex: 'amountFen',
              title: t('assessments.amount'),
              align: 'right',
              render: (v: number) => formatFen(v),
            },
            {
              dataIndex: 'unsettledFen',
              title: t('assessments.summaryUnsettled'),
              align: 'right',
              render: (v: number) => formatFen(v),
            },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{t('assessments.pickBrand')}</Typography.Text>
      )}
    </Card>
  );
}
