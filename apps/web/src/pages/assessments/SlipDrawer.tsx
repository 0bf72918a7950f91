import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Divider, Drawer, Flex, Form, Input, Popconfirm, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '../../access.ts';
import { type AssessmentSlip, type SlipStep, useSlip, useSlipStep } from '../../api/assessments.ts';
import { useMe } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { useMilestones } from '../../api/sla.ts';
import { formatDateTime } from '../../components/format.ts';
import { formatFen } from '../../components/money.ts';
import { nameIn } from '../sla-board/sla-format.ts';

const STATUS_COLORS: Record<AssessmentSlip['status'], string> = {
  open: 'orange',
  appealed: 'blue',
  confirmed: 'red',
  withdrawn: 'default',
};

export function SlipStatusTag({ status }: { status: AssessmentSlip['status'] }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`assessments.statuses.${status}`)}</Tag>;
}

/** Who answers for the slip: 网点 · name, or 坐席 · name. */
export function PartyText({ slip }: { slip: AssessmentSlip }) {
  const { t } = useTranslation();
  return <>{`${t(`assessments.parties.${slip.party}`)} · ${slip.outlet?.name ?? slip.user?.name ?? '—'}`}</>;
}

/**
 * The breached milestone by its name in the user's language (上门服务), read from the order's
 * milestones; its key (on-site) only while they load or when the caller may not read them.
 */
function MilestoneText({ slip }: { slip: AssessmentSlip }) {
  const { i18n } = useTranslation();
  const milestones = useMilestones(slip.order.id, true);
  const m = milestones.data?.find((x) => x.id === slip.milestoneId);
  return <span data-testid="slip-milestone">{m ? nameIn(m.name, i18n.language) : slip.milestoneKey}</span>;
}

interface AppealValues {
  text: string;
  evidence?: { url?: string; name?: string }[];
}

/** One slip: what was breached and by how much, the appeal, and the actions the caller may take. */
export function SlipDrawer({ id, onClose, orderLinks }: { id: string; onClose: () => void; orderLinks: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const { data: slip } = useSlip(id);
  const step = useSlipStep();
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [appealForm] = Form.useForm<AppealValues>();

  const run = async (s: SlipStep, done: string) => {
    setError(null);
    try {
      await step.mutateAsync({ id, ...s });
      void message.success(done);
    } catch (err) {
      if (err instanceof ApiError) setError(err.detail);
      else throw err;
    }
  };

  const appeal = (v: AppealValues) =>
    run(
      {
        step: 'appeal',
        body: {
          text: v.text,
          evidence: (v.evidence ?? [])
            .filter((e) => e.url?.trim())
            .map((e) => ({ url: e.url!.trim(), ...(e.name?.trim() ? { name: e.name.trim() } : {}) })),
        },
      },
      t('assessments.appealSubmitted'),
    );

  const review = (decision: 'accept_appeal' | 'reject_appeal') => {
    if (decision === 'reject_appeal' && !note.trim()) {
      setError(t('assessments.reviewNoteRequired'));
      return;
    }
    void run(
      { step: 'review', body: { decision, ...(note.trim() ? { note: note.trim() } : {}) } },
      t('assessments.reviewed'),
    );
  };

  return (
    <Drawer
      open
      size="large"
      title={slip ? t('assessments.detail', { number: slip.number }) : ''}
      onClose={onClose}
      destroyOnHidden
      data-testid="slip-drawer"
    >
      {slip ? (
        <Flex vertical gap={12}>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'status', label: t('assessments.status'), children: <SlipStatusTag status={slip.status} /> },
              {
                key: 'order',
                label: t('assessments.order'),
                children: orderLinks ? (
                  <Link to={`/orders/${slip.order.id}`}>{slip.order.number}</Link>
                ) : (
                  slip.order.number
                ),
              },
              { key: 'party', label: t('assessments.party'), children: <PartyText slip={slip} /> },
              { key: 'milestone', label: t('assessments.milestone'), children: <MilestoneText slip={slip} /> },
              { key: 'reason', label: t('assessments.reason'), children: slip.reason },
              { key: 'amount', label: t('assessments.amount'), children: formatFen(slip.amountFen) },
              { key: 'created', label: t('assessments.createdAt'), children: formatDateTime(slip.createdAt) },
              {
                key: 'due',
                label: t('assessments.appealDue'),
                children: (
                  <Space>
                    {formatDateTime(slip.appealDueAt)}
                    {slip.status === 'open' && !slip.appealable ? <Tag>{t('assessments.appealClosed')}</Tag> : null}
                  </Space>
                ),
              },
              ...(slip.appealText
                ? [
                    { key: 'appealText', label: t('assessments.appealText'), children: slip.appealText },
                    {
                      key: 'evidence',
                      label: t('assessments.evidence'),
                      children: slip.appealEvidence.length ? (
                        <Flex vertical>
                          {slip.appealEvidence.map((e) => (
                            <a key={e.url} href={e.url} target="_blank" rel="noreferrer noopener">
                              {e.name || e.url}
                            </a>
                          ))}
                        </Flex>
                      ) : (
                        t('assessments.noEvidence')
                      ),
                    },
                    {
                      key: 'appealedAt',
                      label: t('assessments.appealedAt'),
                      children: formatDateTime(slip.appealedAt),
                    },
                  ]
                : []),
              ...(slip.reviewedAt
                ? [
                    {
                      key: 'reviewedAt',
                      label: t('assessments.reviewedAt'),
                      children: formatDateTime(slip.reviewedAt),
                    },
                    { key: 'reviewNote', label: t('assessments.reviewNote'), children: slip.reviewNote ?? '—' },
                  ]
                : []),
              ...(slip.settledIn
                ? [{ key: 'settled', label: t('assessments.settledIn'), children: slip.settledIn }]
                : []),
            ]}
          />
          {error ? <Alert type="error" showIcon title={error} /> : null}

          {slip.appealable && can(me, 'slip.appeal') ? (
            <>
              <Divider titlePlacement="start">{t('assessments.appeal')}</Divider>
              <Form<AppealValues> form={appealForm} layout="vertical" onFinish={(v) => void appeal(v)}>
                <Form.Item
                  name="text"
                  label={t('assessments.appealText')}
                  rules={[{ required: true, whitespace: true }]}
                >
                  <Input.TextArea rows={4} maxLength={2000} showCount data-testid="appeal-text" />
                </Form.Item>
                <Form.List name="evidence">
                  {(fields, { add, remove }) => (
                    <Flex vertical gap={8}>
                      {fields.map((f) => (
                        <Space key={f.key} align="baseline">
                          <Form.Item
                            name={[f.name, 'url']}
                            rules={[{ required: true, type: 'url' }]}
                            style={{ marginBottom: 0, width: 320 }}
                          >
                            <Input placeholder={t('assessments.evidenceUrl')} />
                          </Form.Item>
                          <Form.Item name={[f.name, 'name']} style={{ marginBottom: 0 }}>
                            <Input placeholder={t('assessments.evidenceName')} maxLength={200} />
                          </Form.Item>
                          <MinusCircleOutlined onClick={() => remove(f.name)} />
                        </Space>
                      ))}
                      {fields.length < 10 ? (
                        <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                          {t('assessments.addEvidence')}
                        </Button>
                      ) : null}
                    </Flex>
                  )}
                </Form.List>
                <Button
                  type="primary"
                  htmlType="submit"
                  style={{ marginTop: 16 }}
                  loading={step.isPending}
                  data-testid="appeal-submit"
                >
                  {t('assessments.appeal')}
                </Button>
              </Form>
            </>
          ) : null}

          {can(me, 'slip.review') && (slip.status === 'appealed' || slip.status === 'open') ? (
            <>
              <Divider titlePlacement="start">{t('assessments.reviewNote')}</Divider>
              <Input.TextArea
                rows={3}
                maxLength={2000}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                placeholder={t('assessments.reviewNote')}
              />
              <Space wrap>
                {slip.status === 'appealed' ? (
                  <>
                    <Button type="primary" loading={step.isPending} onClick={() => review('accept_appeal')}>
                      {t('assessments.acceptAppeal')}
                    </Button>
                    <Button danger loading={step.isPending} onClick={() => review('reject_appeal')}>
                      {t('assessments.rejectAppeal')}
                    </Button>
                  </>
                ) : (
                  <Popconfirm
                    title={t('assessments.confirmHint')}
                    onConfirm={() =>
                      void run(
                        { step: 'confirm', body: note.trim() ? { note: note.trim() } : {} },
                        t('assessments.confirmed'),
                      )
                    }
                  >
                    <Button loading={step.isPending}>{t('assessments.confirm')}</Button>
                  </Popconfirm>
                )}
              </Space>
            </>
          ) : null}
        </Flex>
      ) : null}
    </Drawer>
  );
}
