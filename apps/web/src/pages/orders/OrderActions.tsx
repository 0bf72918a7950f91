import type { OrderAction, WorkOrder } from '@aftercare/contracts';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useApiRoutes, useStep } from '../../api/work-orders.ts';
import { OutletSelect, TechnicianSelect } from '../../components/pickers.tsx';
import { DispatchModal } from './DispatchModal.tsx';
import { availableSteps, STEP_FORMS, type StepValues, stepBodyOf } from './order-values.ts';

/**
 * The order's next steps: one button per action the server lists in `order.actions` and has a route
 * for; each opens a small form (reason, outlet, technician, window) and posts with If-Match.
 */
export function OrderActions({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const routes = useApiRoutes();
  const [open, setOpen] = useState<OrderAction | null>(null);
  const steps = availableSteps(order.actions, routes.data);
  return (
    <>
      <Space wrap>
        {steps.map((a) => (
          <Button
            key={a}
            danger={STEP_FORMS[a]?.danger}
            type={a === 'note' ? 'default' : 'primary'}
            ghost={a !== 'note' && !STEP_FORMS[a]?.danger}
            onClick={() => setOpen(a)}
            data-testid={`order-action-${a}`}
          >
            {t(`orders.actions.${a}`)}
          </Button>
        ))}
      </Space>
      {/* A redirect picks from the ranked candidates (or any outlet), like the dispatch board. */}
      {open === 'redirect' ? <DispatchModal order={order} onClose={() => setOpen(null)} /> : null}
      {open && open !== 'redirect' ? <StepModal order={order} action={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}

export function StepModal({
  order,
  action,
  onClose,
  initial,
}: {
  order: Pick<WorkOrder, 'id' | 'version' | 'number' | 'outlet'>;
  action: OrderAction;
  onClose: () => void;
  initial?: StepValues;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<StepValues>();
  const step = useStep();
  const spec = STEP_FORMS[action];
  const fields = spec?.fields ?? [];
  const [error, setError] = useState<string | null>(null);
  if (!spec) return null;
  const label = t(`orders.actions.${action}`);

  const run = async (values: StepValues) => {
    setError(null);
    try {
      await step.mutateAsync({ order, path: spec.path, body: stepBodyOf(action, values) });
      void message.success(t('orders.form.done', { action: label }));
      onClose();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err.status === 412 ? t('orders.form.stale') : err.detail);
    }
  };

  return (
    <Modal
      open
      title={`${label} · ${order.number}`}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: spec.danger, loading: step.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<StepValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void run(v)}>
        {fields.includes('outlet') ? (
          <Form.Item name="outletId" label={t('orders.form.outlet')} rules={[{ required: true }]}>
            <OutletSelect />
          </Form.Item>
        ) : null}
        {fields.includes('technician') ? (
          <Form.Item name="technicianId" label={t('orders.form.technician')} rules={[{ required: true }]}>
            <TechnicianSelect outletId={order.outlet?.id} />
          </Form.Item>
        ) : null}
        {fields.includes('window') ? (
          <Form.Item name="window" label={t('orders.form.window')} rules={[{ required: true }]}>
            <DatePicker.RangePicker showTime={{ format: 'HH:mm', minuteStep: 30 }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
        ) : null}
        {fields.includes('requestedBy') ? (
          <Form.Item name="requestedBy" label={t('orders.form.requestedBy')} initialValue="customer">
            <Select
              options={(['customer', 'outlet', 'agent'] as const).map((v) => ({
                value: v,
                label: t(`orders.requestedBy.${v}`),
              }))}
            />
          </Form.Item>
        ) : null}
        {fields.includes('pauseReason') ? (
          <Form.Item name="pauseReason" label={t('orders.form.pauseReason')} initialValue="waiting_customer">
            <Select
              options={(['waiting_customer', 'waiting_parts'] as const).map((v) => ({
                value: v,
                label: t(`orders.pauseReasons.${v}`),
              }))}
            />
          </Form.Item>
        ) : null}
        {fields.includes('optionalReason') ? (
          <Form.Item name="reason" label={t('orders.form.optionalReason')}>
            <Input.TextArea rows={2} maxLength={500} showCount />
          </Form.Item>
        ) : null}
        {fields.includes('reason') ? (
          <Form.Item name="reason" label={t('orders.form.reason')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('orders.form.reasonPlaceholder')} />
          </Form.Item>
        ) : null}
        {fields.includes('text') ? (
          <Form.Item name="text" label={t('orders.form.note')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
        ) : null}
        {error ? <div style={{ color: '#ff4d4f' }}>{error}</div> : null}
      </Form>
    </Modal>
  );
}
