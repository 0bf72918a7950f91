import type { visitList, WorkOrder } from '@aftercare/contracts';
import { Button, Card, Checkbox, Form, TextArea, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useSaveVisit } from '../../api/field-orders.ts';
import { useFaultCodes, useOrderPart } from '../../api/work-orders.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { newest, photoList } from './field-helpers.ts';
import { SuggestInput } from './job-parts.tsx';

type Visit = z.infer<typeof visitList>['items'][number];

interface VisitValues {
  checklist: string[];
  diagnosis?: string;
  faultCode?: string;
  cause?: string;
  partsUsed?: string;
  photos?: string;
}

/** The visit in progress (checked in, not yet out), from GET /work-orders/:id/visits. */
export function useOpenVisit(orderId: string): Visit | null {
  const visits = useOrderPart<z.infer<typeof visitList>>(orderId, 'visits', true);
  return newest((visits.data?.items ?? []).filter((v) => !v.checkedOutAt));
}

/** The open visit: the pack's conduct checklist, diagnosis, fault code, cause, parts used, photo links. */
export function VisitPanel({ order }: { order: WorkOrder }) {
  const open = useOpenVisit(order.id);
  if (!open) return null;
  // Keyed by the visit: the form starts from what is saved whenever another visit opens.
  return <VisitForm key={open.id} order={order} visit={open} />;
}

function VisitForm({ order, visit }: { order: WorkOrder; visit: Visit }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const save = useSaveVisit(order.id);
  // The brand's fault codes for the category, offered as suggestions.
  const faults = useFaultCodes(order.brandId, order.product?.categoryCode ?? order.categoryCode ?? undefined, true);
  const faultOptions = (faults.data ?? []).map((f) => ({ value: f.code, label: f.name }));
  const [form] = Form.useForm<VisitValues>();

  const submit = (v: VisitValues) => {
    const ticked = new Set(v.checklist);
    const known = new Map(visit.photos.map((p) => [p.url, p]));
    save.mutate(
      {
        checklist: Object.fromEntries(visit.checklist.map((c) => [c.id, ticked.has(c.id)])),
        diagnosis: v.diagnosis?.trim() || undefined,
        faultCode: v.faultCode?.trim().toUpperCase() || undefined,
        cause: v.cause?.trim() || undefined,
        partsUsed: v.partsUsed?.trim() || undefined,
        // A photo keeps the time (and place) it was first recorded with.
        photos: photoList(v.photos ?? '').map((url) => known.get(url) ?? { url, takenAt: new Date().toISOString() }),
      },
      {
        onSuccess: () => Toast.show({ icon: 'success', content: t('field.m.saved') }),
        onError: (err) => Toast.show({ icon: 'fail', content: err.message, duration: 3000 }),
      },
    );
  };

  return (
    <Card title={t('field.m.visit')} style={{ marginBottom: 10 }} data-testid="visit-panel">
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          checklist: visit.checklist.filter((c) => c.done).map((c) => c.id),
          diagnosis: visit.diagnosis ?? '',
          faultCode: visit.faultCode ?? '',
          cause: visit.cause ?? '',
          partsUsed: visit.partsUsed ?? '',
          photos: visit.photos.map((p) => p.url).join('\n'),
        }}
        onFinish={submit}
        footer={
          <Button block type="submit" color="primary" loading={save.isPending} data-testid="visit-save">
            {t('field.m.saveVisit')}
          </Button>
        }
        style={{ '--border-top': 'none', '--border-bottom': 'none' } as React.CSSProperties}
      >
        {visit.checklist.length > 0 ? (
          <Form.Item name="checklist" label={t('field.m.checklist')}>
            <Checkbox.Group>
              <div style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
                {visit.checklist.map((c) => (
                  <Checkbox key={c.id} value={c.id} data-testid={`check-${c.id}`}>
                    {c.name[lang]}
                    {c.required ? <span style={{ color: '#ff3141' }}> *</span> : null}
                  </Checkbox>
                ))}
              </div>
            </Checkbox.Group>
          </Form.Item>
        ) : null}
        <Form.Item name="diagnosis" label={t('field.m.diagnosis')}>
          <TextArea rows={2} maxLength={2000} data-testid="visit-diagnosis" />
        </Form.Item>
        <Form.Item name="faultCode" label={t('field.m.faultCode')}>
          <SuggestInput id="fault-code" options={faultOptions} maxLength={20} testId="visit-fault-code" />
        </Form.Item>
        <Form.Item name="cause" label={t('field.m.cause')}>
          <TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="partsUsed" label={t('field.m.partsUsed')}>
          <TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="photos" label={t('field.m.photos')} help={t('field.m.photoHint')}>
          <TextArea rows={2} placeholder="https://…" />
        </Form.Item>
      </Form>
    </Card>
  );
}
