import type { WorkOrder } from '@aftercare/contracts';
import { App, DatePicker, Empty, Flex, Form, Input, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { technicians } from '../../api/technicians.ts';
import { useStep } from '../../api/work-orders.ts';
import { formatDate } from '../../components/format.ts';
import { shanghaiDate, windowText } from '../field/field-helpers.ts';
import type { Window } from '../field/order-view.ts';

/** Assign or reassign: the outlet's active technicians with a valid licence, skilled ones first. */
export function AssignModal(props: { order: WorkOrder; outletId: string | null; onClose: (name?: string) => void }) {
  const { order } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ technicianId: string }>();
  const step = useStep();
  // GET /technicians is scoped to the manager's outlet already; outletId narrows it for an admin.
  const list = technicians.useList({
    outletId: props.outletId ?? undefined,
    status: 'active',
    licence: 'valid',
    pageSize: 200,
  });
  const category = order.categoryCode ?? order.product?.categoryCode ?? null;
  // The server refuses a technician without the skill for the category and service type (422).
  const skilled = (tech: { skills: { categoryCode: string; serviceType: string }[] }) =>
    !category || tech.skills.some((s) => s.categoryCode === category && s.serviceType === order.type);
  const rows = [...(list.data?.items ?? [])]
    .filter((tech) => tech.licenceValid)
    .sort((a, b) => Number(skilled(b)) - Number(skilled(a)));

  const submit = async () => {
    const { technicianId } = await form.validateFields();
    const tech = rows.find((r) => r.id === technicianId);
    step.mutate(
      { order, path: 'assign', body: { technicianId } },
      { onSuccess: () => props.onClose(tech?.name), onError: (e) => void message.error(e.message) },
    );
  };

  return (
    <Modal
      open
      title={t('field.orders.assignTitle', { number: order.number })}
      okButtonProps={{ loading: step.isPending, disabled: rows.length === 0 }}
      onOk={() => void submit()}
      onCancel={() => props.onClose()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('field.orders.assignHint')}</Typography.Paragraph>
      {!list.isLoading && rows.length === 0 ? (
        <Empty description={t('field.orders.noTechnicians')} />
      ) : (
        <Form form={form} layout="vertical" initialValues={{ technicianId: order.technician?.id ?? undefined }}>
          <Form.Item name="technicianId" label={t('field.technician')} rules={[{ required: true }]}>
            <Select
              loading={list.isLoading}
              data-testid="assign-technician"
              optionLabelProp="label"
              options={rows.map((r) => ({ value: r.id, label: r.name, disabled: !skilled(r) }))}
              optionRender={(opt) => {
                const r = rows.find((x) => x.id === opt.value)!;
                return (
                  <Flex justify="space-between" align="center" gap={8}>
                    <span>
                      {r.name} <Typography.Text type="secondary">{r.code}</Typography.Text>
                    </span>
                    <Space size={4}>
                      {skilled(r) ? null : <Tag>{t('field.orders.noSkill')}</Tag>}
                      <Tag color={r.licenceState === 'expiring' ? 'orange' : 'green'}>
                        {r.licenceValidUntil
                          ? t('field.orders.licenceUntil', { date: formatDate(r.licenceValidUntil) })
                          : t('field.orders.noLicence')}
                      </Tag>
                    </Space>
                  </Flex>
                );
              }}
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

interface BookValues {
  window: [Dayjs, Dayjs];
  reason?: string;
  requestedBy?: 'customer' | 'outlet' | 'agent';
}

/** Book the visit window, or move a booked one (who asked and why are recorded). */
export function BookModal(props: { order: WorkOrder; current: Window | null; onClose: (done?: boolean) => void }) {
  const { order } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<BookValues>();
  const step = useStep();
  const moving = !order.actions.includes('book') && order.actions.includes('reschedule');
  const { current } = props;

  const submit = async () => {
    const v = await form.validateFields();
    const window = { start: v.window[0].toISOString(), end: v.window[1].toISOString() };
    step.mutate(
      {
        order,
        path: moving ? 'reschedule' : 'book',
        body: moving ? { ...window, requestedBy: v.requestedBy ?? 'outlet', reason: v.reason } : window,
      },
      { onSuccess: () => props.onClose(true), onError: (e) => void message.error(e.message) },
    );
  };

  return (
    <Modal
      open
      title={t('field.orders.bookTitle', { number: order.number })}
      okButtonProps={{ loading: step.isPending }}
      onOk={() => void submit()}
      onCancel={() => props.onClose()}
      destroyOnHidden
    >
      {order.preferredWindows.length > 0 ? (
        <Typography.Paragraph>
          <Typography.Text type="secondary">{t('field.orders.preferred')} </Typography.Text>
          {order.preferredWindows.map((w) => (
            <Tag key={w.start}>
              {shanghaiDate(w.start)} {windowText(w)}
            </Tag>
          ))}
        </Typography.Paragraph>
      ) : null}
      {current ? (
        <Typography.Paragraph>
          <Typography.Text type="secondary">{t('field.orders.current')} </Typography.Text>
          {shanghaiDate(current.start)} {windowText(current)}
        </Typography.Paragraph>
      ) : null}
      <Form form={form} layout="vertical" initialValues={{ requestedBy: 'outlet' }}>
        <Form.Item
          name="window"
          label={t('field.orders.window')}
          rules={[{ required: true, message: t('field.orders.windowRequired') }]}
        >
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm', minuteStep: 15 }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            data-testid="book-window"
          />
        </Form.Item>
        {moving ? (
          <>
            <Form.Item name="requestedBy" label={t('field.orders.requestedBy')}>
              <Radio.Group
                options={(['customer', 'outlet', 'agent'] as const).map((v) => ({
                  value: v,
                  label: t(`field.orders.requestedByOptions.${v}`),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('field.orders.rescheduleReason')}
              rules={[{ required: true, whitespace: true, message: t('field.reasonRequired') }]}
            >
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
