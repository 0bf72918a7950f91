import type { WorkOrder } from '@aftercare/contracts';
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useStep, useWorkOrders } from '../../api/work-orders.ts';
import { useCategoryNames } from '../../components/pickers.tsx';
import { addressText, OfferCountdown, useOutletId } from './outlet-shared.tsx';

/** Orders offered to this outlet (status dispatched): accept, or refuse with a reason, before the deadline. */
export default function OffersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { outletId } = useOutletId();
  const categoryName = useCategoryNames();
  const offers = useWorkOrders({ status: ['dispatched'], page: 1, pageSize: 100 });
  const step = useStep();
  // New offers arrive while the page is open: look again every 30 s.
  const { refetch } = offers;
  useEffect(() => {
    const timer = setInterval(() => void refetch(), 30_000);
    return () => clearInterval(timer);
  }, [refetch]);
  const onError = (err: Error) => void message.error(err.message);
  const [refusing, setRefusing] = useState<WorkOrder | null>(null);
  const [form] = Form.useForm<{ reason: string }>();

  const accept = (o: WorkOrder) =>
    step.mutate(
      { order: o, path: 'accept', body: {} },
      { onSuccess: () => void message.success(t('field.offers.accepted', { number: o.number })), onError },
    );

  const refuse = async () => {
    if (!refusing) return;
    const { reason } = await form.validateFields();
    step.mutate(
      { order: refusing, path: 'refuse', body: { reason } },
      {
        onError,
        onSuccess: () => {
          void message.success(t('field.offers.refused', { number: refusing.number }));
          setRefusing(null);
          form.resetFields();
        },
      },
    );
  };

  // Orders in `dispatched` an outlet sees are the ones offered to it; the soonest deadline first.
  const rows = [...(offers.data?.items ?? [])].sort(
    (a, b) => Date.parse(a.offerExpiresAt ?? '9999') - Date.parse(b.offerExpiresAt ?? '9999'),
  );

  const columns: ColumnsType<WorkOrder> = [
    {
      title: t('field.number'),
      dataIndex: 'number',
      width: 190,
      render: (_, o) => <Link to={`/orders/${o.id}`}>{o.number}</Link>,
    },
    {
      title: t('field.orderType'),
      dataIndex: 'type',
      width: 100,
      render: (v: WorkOrder['type']) => t(`field.type.${v}`),
    },
    {
      title: t('field.category'),
      width: 120,
      render: (_, o) => {
        const code = o.categoryCode ?? o.product?.categoryCode;
        return code ? categoryName(code, o.brandId) : '—';
      },
    },
    { title: t('field.address'), render: (_, o) => addressText(o) },
    { title: t('field.fault'), dataIndex: 'faultDescription', ellipsis: true, render: (v: string | null) => v ?? '—' },
    {
      title: t('field.offers.deadline'),
      width: 150,
      render: (_, o) => <OfferCountdown expiresAt={o.offerExpiresAt} />,
    },
    {
      title: t('common.actions'),
      width: 170,
      render: (_, o) => (
        <Space>
          <Button
            type="primary"
            size="small"
            disabled={!o.actions.includes('accept')}
            loading={step.isPending && step.variables?.order.id === o.id && step.variables.path === 'accept'}
            onClick={() => accept(o)}
            data-testid={`accept-${o.number}`}
          >
            {t('field.offers.accept')}
          </Button>
          <Button
            danger
            size="small"
            disabled={!o.actions.includes('refuse')}
            onClick={() => setRefusing(o)}
            data-testid={`refuse-${o.number}`}
          >
            {t('field.offers.refuse')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="outlet-offers">
      <Flex justify="space-between" align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('field.offers.title')}
        </Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={() => void offers.refetch()} loading={offers.isFetching}>
          {t('field.refresh')}
        </Button>
      </Flex>
      {outletId ? null : <Alert type="warning" showIcon title={t('field.noOutlet')} />}
      <Alert type="info" showIcon title={t('field.offers.hint')} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<WorkOrder>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={offers.isFetching && !offers.data}
          pagination={false}
          locale={{ emptyText: t('field.offers.empty') }}
          scroll={{ x: 900 }}
        />
      </Card>
      <Modal
        open={Boolean(refusing)}
        title={refusing ? t('field.offers.refuseTitle', { number: refusing.number }) : ''}
        okText={t('field.offers.refuse')}
        okButtonProps={{ danger: true, loading: step.isPending }}
        onOk={() => void refuse()}
        onCancel={() => {
          setRefusing(null);
          form.resetFields();
        }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('field.offers.refuseHint')}</Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label={t('field.reason')}
            rules={[{ required: true, whitespace: true, message: t('field.reasonRequired') }, { max: 500 }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="refuse-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
