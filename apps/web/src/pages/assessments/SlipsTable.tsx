import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AssessmentSlip } from '../../api/assessments.ts';
import type { Page } from '../../api/resource.ts';
import { formatDateTime } from '../../components/format.ts';
import { formatFen } from '../../components/money.ts';
import { PartyText, SlipStatusTag } from './SlipDrawer.tsx';

/** The slips of a page, newest first; a row opens the slip's drawer. */
export function SlipsTable(props: {
  data: Page<AssessmentSlip> | undefined;
  loading: boolean;
  page: { page: number; pageSize: number };
  onPage: (p: { page: number; pageSize: number }) => void;
  onOpen: (id: string) => void;
  showParty: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Table<AssessmentSlip>
      rowKey="id"
      size="middle"
      loading={props.loading}
      dataSource={props.data?.items ?? []}
      scroll={{ x: 'max-content' }}
      onRow={(r) => ({ onClick: () => props.onOpen(r.id), style: { cursor: 'pointer' } })}
      pagination={{
        current: props.page.page,
        pageSize: props.page.pageSize,
        total: props.data?.total ?? 0,
        showTotal: (count) => t('common.total', { count }),
        onChange: (page, pageSize) => props.onPage({ page, pageSize }),
      }}
      columns={[
        { dataIndex: 'number', title: t('assessments.number') },
        { key: 'order', title: t('assessments.order'), render: (_, r) => r.order.number },
        ...(props.showParty
          ? [
              {
                key: 'party',
                title: t('assessments.party'),
                render: (_: unknown, r: AssessmentSlip) => <PartyText slip={r} />,
              },
            ]
          : []),
        { dataIndex: 'reason', title: t('assessments.reason'), ellipsis: true, width: 320 },
        { dataIndex: 'amountFen', title: t('assessments.amount'), align: 'right', render: (v: number) => formatFen(v) },
        {
          dataIndex: 'status',
          title: t('assessments.status'),
          render: (v: AssessmentSlip['status']) => <SlipStatusTag status={v} />,
        },
        { dataIndex: 'appealDueAt', title: t('assessments.appealDue'), render: (v: string) => formatDateTime(v) },
        { dataIndex: 'createdAt', title: t('assessments.createdAt'), render: (v: string) => formatDateTime(v) },
      ]}
    />
  );
}
