import { Button, Card, ErrorBlock, Form, Popup, SpinLoading, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useWorkOrder } from '../../api/work-orders.ts';
import { useCategoryNames } from '../../components/pickers.tsx';
import { CompletePanel } from './CompletePanel.tsx';
import { shanghaiDate, windowText } from './field-helpers.ts';
import { addressOf, CallLink, NavLink, StatusTag } from './job-parts.tsx';
import { MobileLanguageSwitch, MobileShell } from './MobileShell.tsx';
import { useActiveWindows } from './order-view.ts';
import { QuotePanel } from './QuotePanel.tsx';
import { useMobileStep } from './use-mobile-step.ts';
import { VisitPanel } from './VisitPanel.tsx';

type ReasonStep = 'wait-parts' | 'to-factory' | 'revisit';
const REASON_STEPS: {
  path: ReasonStep;
  action: 'wait_parts' | 'to_factory' | 'revisit';
  label: 'waitParts' | 'toFactory' | 'revisit';
}[] = [
  { path: 'wait-parts', action: 'wait_parts', label: 'waitParts' },
  { path: 'to-factory', action: 'to_factory', label: 'toFactory' },
  { path: 'revisit', action: 'revisit', label: 'revisit' },
];

/** Where the phone is, if it will say within 8 s; null otherwise (check-in goes on without it). */
function currentPosition(): Promise<{ lat: number; lng: number } | null> {
  return new Promise((resolve) => {
    if (!('geolocation' in navigator)) return resolve(null);
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: 8000, maximumAge: 60_000 },
    );
  });
}

const row = { display: 'flex', justifyContent: 'space-between', gap: 8, padding: '4px 0' } as const;
const label = { color: '#999', flexShrink: 0 } as const;

/** One job on the phone: who, where, when, and the steps the order allows now. */
export default function JobPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: order, isLoading, error } = useWorkOrder(id);
  const categoryName = useCategoryNames();
  const { windows } = useActiveWindows(order ? [order] : []);
  const window = order ? windows.get(order.id) : undefined;
  const { run, pending, pendingPath } = useMobileStep(order);
  const [reasonStep, setReasonStep] = useState<(typeof REASON_STEPS)[number] | null>(null);
  const [reason, setReason] = useState('');
  const [locating, setLocating] = useState(false);

  const back = () => navigate('/m');
  const shell = (body: React.ReactNode) => (
    <MobileShell title={order?.number ?? t('field.m.jobTitle')} onBack={back} right={<MobileLanguageSwitch />}>
      {body}
    </MobileShell>
  );
  if (isLoading)
    return shell(
      <div style={{ textAlign: 'center', padding: 40 }}>
        <SpinLoading color="primary" style={{ margin: '0 auto' }} />
      </div>,
    );
  if (!order || error) return shell(<ErrorBlock status="empty" title={t('field.m.notYours')} description="" />);

  const can = (a: (typeof order.actions)[number]) => order.actions.includes(a);

  const checkIn = async () => {
    setLocating(true);
    const pos = await currentPosition();
    setLocating(false);
    if (!pos) Toast.show({ content: t('field.m.noLocation') });
    run('check-in', pos ?? {}, t('field.m.checkedIn'));
  };

  return shell(
    <>
      <Card
        title={<StatusTag status={order.status} />}
        extra={<span style={{ color: '#999' }}>{t(`field.type.${order.type}`)}</span>}
        style={{ marginBottom: 10 }}
      >
        <div style={{ fontSize: 14 }}>
          <div style={row}>
            <span style={label}>{t('field.appointment')}</span>
            <strong data-testid="job-window">
              {window ? `${shanghaiDate(window.start).slice(5)} ${windowText(window)}` : t('field.m.noAppointment')}
            </strong>
          </div>
          <div style={row}>
            <span style={label}>{t('field.customer')}</span>
            <span>{order.contactName}</span>
          </div>
          <div style={{ ...row, justifyContent: 'flex-end', textAlign: 'right' }}>
            <CallLink phone={order.contactPhone} orderId={order.id} />
          </div>
          <div style={row}>
            <span style={label}>{t('field.address')}</span>
            <span style={{ textAlign: 'right' }}>{addressOf(order)}</span>
          </div>
          <div style={{ ...row, justifyContent: 'flex-end' }}>
            <NavLink address={addressOf(order)} />
          </div>
          {order.product || order.categoryCode ? (
            <div style={row}>
              <span style={label}>{t('field.category')}</span>
              <span>
                {categoryName(order.product?.categoryCode ?? order.categoryCode ?? '', order.brandId)}{' '}
                {order.product?.modelCode ?? ''}
              </span>
            </div>
          ) : null}
          {order.faultDescription || order.faultCodes.length > 0 ? (
            <div style={row}>
              <span style={label}>{t('field.fault')}</span>
              <span style={{ textAlign: 'right' }}>
                {[order.faultCodes.join(' '), order.faultDescription].filter(Boolean).join(' · ')}
              </span>
            </div>
          ) : null}
        </div>
      </Card>

      {can('depart') || can('check_in') ? (
        <Card title={t('field.m.steps')} style={{ marginBottom: 10 }}>
          <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
            {can('depart') ? (
              <Button
                block
                color="primary"
                loading={pendingPath === 'depart'}
                onClick={() => run('depart', {}, t('field.m.depart'))}
                data-testid="step-depart"
              >
                {t('field.m.depart')}
              </Button>
            ) : null}
            {can('check_in') ? (
              <Button
                block
                color={can('depart') ? 'default' : 'primary'}
                loading={locating || pendingPath === 'check-in'}
                loadingText={locating ? t('field.m.locating') : undefined}
                onClick={() => void checkIn()}
                data-testid="step-check-in"
              >
                {t('field.m.checkIn')}
              </Button>
            ) : null}
          </div>
        </Card>
      ) : null}

      {order.status === 'on_site' ? <VisitPanel order={order} /> : null}

      {can('quote') || can('quote_decision') ? <QuotePanel order={order} /> : null}

      {can('complete') ? <CompletePanel order={order} /> : null}

      {REASON_STEPS.some((s) => can(s.action)) ? (
        <Card style={{ marginBottom: 10 }}>
          <div style={{ display: 'flex', gap: 8 }}>
            {REASON_STEPS.filter((s) => can(s.action)).map((s) => (
              <Button
                key={s.path}
                style={{ flex: 1 }}
                size="small"
                onClick={() => setReasonStep(s)}
                data-testid={`step-${s.path}`}
              >
                {t(`field.m.${s.label}`)}
              </Button>
            ))}
          </div>
        </Card>
      ) : null}

      <Popup
        visible={Boolean(reasonStep)}
        onMaskClick={() => setReasonStep(null)}
        bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, padding: 16 }}
      >
        {reasonStep ? (
          <Form layout="vertical">
            <Form.Item label={t('field.m.reasonFor', { action: t(`field.m.${reasonStep.label}`) })}>
              <TextArea
                value={reason}
                onChange={setReason}
                rows={3}
                maxLength={500}
                showCount
                data-testid="reason-input"
              />
            </Form.Item>
            <Button
              block
              color="primary"
              disabled={!reason.trim()}
              loading={pending}
              data-testid="reason-submit"
              onClick={() =>
                run(reasonStep.path, { reason: reason.trim() }, t('field.m.saved'), () => {
                  setReasonStep(null);
                  setReason('');
                })
              }
            >
              {t('field.m.submit')}
            </Button>
          </Form>
        ) : null}
      </Popup>
    </>,
  );
}
