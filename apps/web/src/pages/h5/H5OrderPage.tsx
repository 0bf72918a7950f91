import '../field/mobile-setup.ts';
import type { chargeList } from '@aftercare/contracts';
import { CheckCircleOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Card, Dialog, ErrorBlock, Result, SpinLoading, Steps, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { z } from 'zod';
import { ApiError } from '../../api/client.ts';
import { useH5Action, useH5Charges, useH5Order } from '../../api/field-orders.ts';
import { formatDateTime } from '../../components/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { newest } from '../field/field-helpers.ts';
import { MobileLanguageSwitch, MobileShell } from '../field/MobileShell.tsx';
import { ChargeLines } from '../field/QuotePanel.tsx';

/**
 * The customer's page behind the SMS link (no login): the order's progress like a parcel tracker,
 * who is coming, the quote to accept, and "the job is done" to confirm — each when the server offers it.
 */
export default function H5OrderPage() {
  const { token } = useParams();
  const { t } = useTranslation();
  const lang = currentLanguage();
  const order = useH5Order(token);
  const charges = useH5Charges<z.infer<typeof chargeList>>(token);
  const action = useH5Action(token ?? '');
  const [confirmed, setConfirmed] = useState(false);

  const shell = (body: React.ReactNode) => (
    <MobileShell title={t('field.h5.title')} right={<MobileLanguageSwitch />}>
      {body}
    </MobileShell>
  );
  if (order.isLoading)
    return shell(
      <div style={{ textAlign: 'center', padding: 40 }}>
        <SpinLoading color="primary" style={{ margin: '0 auto' }} />
      </div>,
    );
  if (!order.data) return shell(<ErrorBlock status="default" title={t('field.h5.notFound')} description="" />);

  const o = order.data;
  const steps = [...o.steps].reverse(); // newest first, like a parcel tracker
  const quote = newest((charges.data?.items ?? []).filter((c) => c.kind === 'quote' && c.status !== 'superseded'));
  const receipt = newest((charges.data?.items ?? []).filter((c) => c.kind === 'receipt'));
  const canConfirm = (o.status === 'resolved' || o.status === 'return_visit') && !confirmed;

  const decide = (accept: boolean) =>
    action.mutate(
      { path: 'quote/decision', body: { accept } },
      {
        onSuccess: () =>
          Toast.show({ icon: 'success', content: accept ? t('field.h5.accepted') : t('field.h5.declined') }),
        onError: (err) => Toast.show({ icon: 'fail', content: err.message }),
      },
    );

  const confirm = async () => {
    const ok = await Dialog.confirm({ content: t('field.h5.confirm') });
    if (!ok) return;
    action.mutate(
      { path: 'confirm' },
      {
        onSuccess: () => setConfirmed(true),
        // Confirmed before (another visit to the link): the page has nothing to record it by.
        onError: (err) =>
          err instanceof ApiError && err.code === 'VISIT_ALREADY_CONFIRMED'
            ? setConfirmed(true)
            : Toast.show({ icon: 'fail', content: err.message }),
      },
    );
  };

  return shell(
    <div data-testid="h5-order">
      <Card style={{ marginBottom: 10 }}>
        <div style={{ fontSize: 20, fontWeight: 600 }} data-testid="h5-status">
          {t(`field.status.${o.status}`)}
        </div>
        <div style={{ color: '#999', fontSize: 13, marginTop: 4 }}>
          {t(`field.type.${o.type}`)} · {o.number}
        </div>
        <div style={{ color: '#666', fontSize: 13, marginTop: 4 }}>
          {o.address.divisionName ?? ''}
          {o.address.detail}
        </div>
      </Card>

      {o.technician || o.outlet ? (
        <Card title={t('field.h5.who')} style={{ marginBottom: 10 }} data-testid="h5-technician">
          {o.technician ? (
            <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
              <span style={{ fontSize: 16, fontWeight: 600 }}>
                <UserOutlined /> {o.technician.name}
              </span>
              {o.technician.licenceNo ? (
                <span style={{ color: '#666', fontSize: 13 }}>
                  {t('field.h5.licence', { no: o.technician.licenceNo })}
                </span>
              ) : null}
            </div>
          ) : null}
          {o.outlet ? (
            <div style={{ color: '#999', fontSize: 13, marginTop: 4 }}>
              {t('field.h5.outlet', { name: o.outlet.name })}
            </div>
          ) : null}
        </Card>
      ) : null}

      {quote ? (
        <Card title={t('field.h5.quote')} style={{ marginBottom: 10 }} data-testid="h5-quote">
          <ChargeLines charge={quote} />
          {quote.status === 'proposed' ? (
            <div style={{ display: 'flex', gap: 8, marginTop: 12 }}>
              <Button style={{ flex: 2 }} color="primary" loading={action.isPending} onClick={() => decide(true)}>
                {t('field.h5.accept')}
              </Button>
              <Button style={{ flex: 1 }} onClick={() => decide(false)} disabled={action.isPending}>
                {t('field.h5.decline')}
              </Button>
            </div>
          ) : null}
          {quote.status === 'accepted' ? (
            <div style={{ color: '#00b578', marginTop: 8 }}>
              <CheckCircleOutlined /> {t('field.h5.accepted')}
            </div>
          ) : null}
          {quote.status === 'declined' ? (
            <div style={{ color: '#999', marginTop: 8 }}>{t('field.h5.declined')}</div>
          ) : null}
        </Card>
      ) : null}

      {receipt ? (
        <Card title={t('field.h5.receipt')} style={{ marginBottom: 10 }}>
          <ChargeLines charge={receipt} />
        </Card>
      ) : null}

      {confirmed ? (
        <Result status="success" title={t('field.h5.confirmed')} style={{ marginBottom: 10 }} />
      ) : canConfirm ? (
        <Button
          block
          color="primary"
          size="large"
          style={{ marginBottom: 10 }}
          onClick={() => void confirm()}
          data-testid="h5-confirm"
        >
          {t('field.h5.confirm')}
        </Button>
      ) : null}

      <Card title={t('field.h5.title')}>
        <Steps direction="vertical" current={0} style={{ '--title-font-size': '15px' } as React.CSSProperties}>
          {steps.map((s, i) => (
            <Steps.Step
              key={`${s.at}-${s.status}-${s.text['en-US']}`}
              status={i === 0 ? 'process' : 'finish'}
              title={s.text[lang]}
              description={formatDateTime(s.at)}
            />
          ))}
        </Steps>
      </Card>
    </div>,
  );
}
