import { Alert, Card, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AssessmentSlip, useSlips } from '../../api/assessments.ts';
import { SlipDrawer } from './SlipDrawer.tsx';
import { SlipsTable } from './SlipsTable.tsx';

const STATUSES: AssessmentSlip['status'][] = ['open', 'appealed', 'confirmed', 'withdrawn'];

/** The outlet portal's slips (the server shows an outlet only its own): open one to appeal with evidence. */
export default function OutletSlipsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<AssessmentSlip['status'] | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const slips = useSlips({ status, ...page });
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Flex vertical gap={16} data-testid="outlet-slips-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('assessments.outletTitle')}
      </Typography.Title>
      <Alert type="info" showIcon title={t('assessments.outletHint')} />
      <Card size="small">
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('assessments.allStatuses')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          options={STATUSES.map((s) => ({ value: s, label: t(`assessments.statuses.${s}`) }))}
        />
      </Card>
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <SlipsTable
          data={slips.data}
          loading={slips.isFetching && !slips.data}
          page={page}
          onPage={setPage}
          onOpen={setOpen}
          showParty={false}
        />
      </Card>
      {open ? <SlipDrawer id={open} onClose={() => setOpen(null)} orderLinks={false} /> : null}
    </Flex>
  );
}
