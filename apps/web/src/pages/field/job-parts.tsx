import type { WorkOrder } from '@aftercare/contracts';
import { EnvironmentOutlined, PhoneOutlined } from '@ant-design/icons';
import { Button, Tag, Toast } from 'antd-mobile';
import { type MouseEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, request } from '../../api/client.ts';
import { mapUrl, statusColor, telHref } from './field-helpers.ts';

/** antd-mobile Tag colours are named differently from antd's. */
const MOBILE_COLORS: Record<string, string> = {
  gold: 'warning',
  orange: 'warning',
  volcano: '#fa541c',
  cyan: '#13c2c2',
  blue: 'primary',
  geekblue: '#2f54eb',
  purple: '#722ed1',
  magenta: '#eb2f96',
  lime: '#7cb305',
  green: 'success',
  red: 'danger',
  default: 'default',
};

export function StatusTag({ status }: { status: WorkOrder['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={MOBILE_COLORS[statusColor(status)] ?? 'default'} fill="outline" data-testid="job-status">
      {t(`field.status.${status}`)}
    </Tag>
  );
}

/**
 * The customer's phone: a `tel:` link when the server gave a dialable number. Masked (a technician
 * has no `pii.phone`), a call button asks the server for the number just in time — allowed only on
 * the technician's own job while it is in service, and recorded on the timeline — then dials it.
 */
export function CallLink({ phone, orderId, note = true }: { phone: string; orderId?: string; note?: boolean }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const href = telHref(phone);
  if (href)
    return (
      <a href={href} onClick={(e) => e.stopPropagation()} data-testid="call-link">
        <PhoneOutlined /> {phone}
      </a>
    );
  const call = async (e: MouseEvent<HTMLButtonElement>) => {
    e.stopPropagation();
    if (!orderId || busy) return;
    setBusy(true);
    try {
      const r = await request<{ tel: string }>(`/work-orders/${orderId}/call`, { method: 'POST', silent: true });
      window.location.href = r.tel;
    } catch (err) {
      Toast.show({ icon: 'fail', content: err instanceof ApiError ? err.detail : String(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <span data-testid="masked-phone">
      {orderId ? (
        <Button
          size="mini"
          color="primary"
          fill="none"
          loading={busy}
          onClick={(e) => void call(e)}
          data-testid="call-customer"
        >
          <PhoneOutlined /> {phone} {t('field.m.call')}
        </Button>
      ) : (
        <>
          <PhoneOutlined style={{ color: '#bbb' }} /> {phone}
        </>
      )}
      {note ? <div style={{ color: '#999', fontSize: 12 }}>{t('field.m.maskedNote')}</div> : null}
    </span>
  );
}

export function NavLink({ address }: { address: string }) {
  const { t } = useTranslation();
  return (
    <a
      href={mapUrl(address)}
      target="_blank"
      rel="noreferrer"
      onClick={(e) => e.stopPropagation()}
      data-testid="nav-link"
      style={{ whiteSpace: 'nowrap' }}
    >
      <EnvironmentOutlined /> {t('field.m.navigate')}
    </a>
  );
}

export function addressOf(o: Pick<WorkOrder, 'address'>): string {
  return `${o.address.divisionName ?? ''}${o.address.detail}`;
}

/**
 * A text box with suggestions (a native `<datalist>`: the phone's own picker), for codes a
 * technician may type or pick — fault codes, catalog part codes.
 */
export function SuggestInput(props: {
  id: string;
  value?: string;
  onChange?: (value: string) => void;
  options: readonly { value: string; label: string }[];
  placeholder?: string;
  maxLength?: number;
  testId?: string;
}) {
  return (
    <>
      <input
        list={`${props.id}-options`}
        value={props.value ?? ''}
        onChange={(e) => props.onChange?.(e.target.value)}
        placeholder={props.placeholder}
        maxLength={props.maxLength}
        data-testid={props.testId}
        autoComplete="off"
        style={{
          width: '100%',
          boxSizing: 'border-box',
          border: '1px solid #eee',
          borderRadius: 6,
          padding: '6px 8px',
          fontSize: 14,
          background: '#fff',
        }}
      />
      <datalist id={`${props.id}-options`}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </datalist>
    </>
  );
}
