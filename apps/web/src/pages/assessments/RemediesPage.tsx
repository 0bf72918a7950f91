import { Alert, App, Button, Card, Flex, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '../../access.ts';
import { type RemedyFilters, type RemedyProposal, useRemedies, useRemedyDecision } from '../../api/assessments.ts';
import { useMe } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { formatDateTime } from '../../components/format.ts';
import { formatFen } from '../../components/money.ts';
import { BrandSelect } from '../../components/pickers.tsx';
import { nameIn } from '../sla-board/sla-format.ts';

const STATUSES: RemedyProposal['status'][] = ['proposed', 'approved', 'rejected'];
const STATUS_COLORS: Record<RemedyProposal['status'], string> = {
  proposed: 'orange',
  approved: 'green',
  rejected: 'default',
};
const KIND_COLORS: Record<RemedyProposal['kind'], string> = {
  waive_charges: 'purple',
  compensation: 'gold',
  loaner: 'cyan',
};

/** 客户补偿: remedies proposed on breaches; approve within the role's limit from the pack, or reject. */
export default function RemediesPage() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const [filters, setFilters] = useState<Omit<RemedyFilters, 'page' | 'pageSize'>>({ status: 'proposed' });
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useRemedies({ ...filters, ...page });
  const [deciding, setDeciding] = useState<{ remedy: RemedyProposal; approve: boolean } | null>(null);
  const mayDecide = can(me, 'remedy.decide');

  return (
    <Flex vertical gap={16} data-testid="remedies-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('remedies.title')}
      </Typography.Title>
      <Alert type="info" showIcon title={t('remedies.hint')} />
      <Card size="small">
        <Flex gap={12} align="center" wrap>
          {me?.scope.brandIds.length === 1 ? null : (
            <BrandSelect
              placeholder={t('orders.brand')}
              value={filters.brandId}
              onChange={(v) => {
                setFilters((f) => ({ ...f, brandId: v ?? undefined }));
                setPage((p) => ({ ...p, page: 1 }));
              }}
            />
          )}
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('remedies.allStatuses')}
            value={filters.status}
            onChange={(v) => {
              setFilters((f) => ({ ...f, status: v }));
              setPage((p) => ({ ...p, page: 1 }));
            }}
            options={STATUSES.map((s) => ({ value: s, label: t(`remedies.statuses.${s}`) }))}
          />
        </Flex>
      </Card>
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<RemedyProposal>
          rowKey="id"
          loading={list.isFetching && !list.data}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: list.data?.total ?? 0,
            showTotal: (count) => t('common.total', { count }),
            onChange: (p, s) => setPage({ page: p, pageSize: s }),
          }}
          columns={[
            {
              key: 'order',
              title: t('remedies.order'),
              render: (_, r) => <Link to={`/orders/${r.order.id}`}>{r.order.number}</Link>,
            },
            {
              key: 'milestone',
              title: t('remedies.milestone'),
              render: (_, r) => (r.milestoneName ? nameIn(r.milestoneName, i18n.language) : r.milestoneKey),
            },
            { dataIndex: 'remedyId', title: t('remedies.remedy') },
            {
              dataIndex: 'kind',
              title: t('remedies.kind'),
              render: (v: RemedyProposal['kind']) => <Tag color={KIND_COLORS[v]}>{t(`remedies.kinds.${v}`)}</Tag>,
            },
            {
              dataIndex: 'amountFen',
              title: t('remedies.amount'),
              align: 'right',
              render: (v: number) => formatFen(v),
            },
            {
              dataIndex: 'status',
              title: t('remedies.status'),
              render: (v: RemedyProposal['status']) => (
                <Tag color={STATUS_COLORS[v]}>{t(`remedies.statuses.${v}`)}</Tag>
              ),
            },
            { dataIndex: 'createdAt', title: t('remedies.createdAt'), render: (v: string) => formatDateTime(v) },
            {
              key: 'decided',
              title: t('remedies.decidedAt'),
              render: (_, r) =>
                r.decidedAt ? `${formatDateTime(r.decidedAt)}${r.decisionNote ? ` · ${r.decisionNote}` : ''}` : '—',
            },
            ...(mayDecide
              ? [
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    render: (_: unknown, r: RemedyProposal) =>
                      r.status === 'proposed' ? (
                        <Space>
                          <Button size="small" type="primary" onClick={() => setDeciding({ remedy: r, approve: true })}>
                            {t('remedies.approve')}
                          </Button>
                          <Button size="small" danger onClick={() => setDeciding({ remedy: r, approve: false })}>
                            {t('remedies.reject')}
                          </Button>
                        </Space>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {deciding ? <DecisionModal {...deciding} onClose={() => setDeciding(null)} /> : null}
    </Flex>
  );
}

function DecisionModal({
  remedy,
  approve,
  onClose,
}: {
  remedy: RemedyProposal;
  approve: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const decide = useRemedyDecision();
  const [error, setError] = useState<{ text: string; overLimit: boolean } | null>(null);

  const save = async ({ note }: { note?: string }) => {
    setError(null);
    try {
      await decide.mutateAsync({ id: remedy.id, approve, note: note?.trim() || undefined });
      void message.success(t(approve ? 'remedies.approved' : 'remedies.rejected'));
      onClose();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError({ text: err.detail, overLimit: err.code === 'REMEDY_OVER_LIMIT' });
    }
  };

  return (
    <Modal
      open
      title={t(approve ? 'remedies.approveTitle' : 'remedies.rejectTitle', { number: remedy.order.number })}
      okText={t(approve ? 'remedies.approve' : 'remedies.reject')}
      okButtonProps={{ danger: !approve, loading: decide.isPending }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>
        <Tag color={KIND_COLORS[remedy.kind]}>{t(`remedies.kinds.${remedy.kind}`)}</Tag>
        {formatFen(remedy.amountFen)}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Form.Item
          name="note"
          label={t('remedies.note')}
          rules={approve ? [] : [{ required: true, whitespace: true, message: t('remedies.noteRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error.overLimit ? t('remedies.overLimit') : error.text}
          description={error.overLimit ? error.text : undefined}
          data-testid="remedy-error"
        />
      ) : null}
    </Modal>
  );
}
