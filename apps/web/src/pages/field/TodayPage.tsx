import type { WorkOrder } from '@aftercare/contracts';
import { Button, Card, ErrorBlock, PullToRefresh, SpinLoading } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout, useMe } from '../../api/auth.ts';
import { useWorkOrders } from '../../api/work-orders.ts';
import { type Job, planJobs, shanghaiDate, TECHNICIAN_WORK, telHref, windowText } from './field-helpers.ts';
import { addressOf, CallLink, NavLink, StatusTag } from './job-parts.tsx';
import { MobileLanguageSwitch, MobileShell } from './MobileShell.tsx';
import { useActiveWindows } from './order-view.ts';

/** The technician's day: today's jobs in appointment order, then the other open jobs. */
export default function TodayPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const logout = useLogout();
  // The server narrows the list to the technician's own orders; resolved ones wait for the return visit.
  const orders = useWorkOrders({ status: [...TECHNICIAN_WORK], page: 1, pageSize: 100 });
  const items = orders.data?.items ?? [];
  const { windows } = useActiveWindows(items);
  const today = shanghaiDate(Date.now());
  const plan = planJobs(
    items.map((o) => ({ order: o, window: windows.get(o.id) ?? null })),
    today,
  );

  const card = (job: Job<WorkOrder>) => {
    const o = job.order;
    const day = job.window ? shanghaiDate(job.window.start) : null;
    return (
      <Card
        key={o.id}
        onClick={() => navigate(`/m/jobs/${o.id}`)}
        style={{ marginBottom: 10 }}
        data-testid="job-card"
        title={
          <span style={{ fontSize: 16 }}>
            {job.window ? (
              <>
                {day !== today ? <span style={{ color: '#999', marginRight: 6 }}>{day?.slice(5)}</span> : null}
                {windowText(job.window)}
              </>
            ) : (
              <span style={{ color: '#999' }}>{t('field.m.noAppointment')}</span>
            )}
          </span>
        }
        extra={<StatusTag status={o.status} />}
      >
        <div style={{ display: 'flex', flexDirection: 'column', gap: 6, fontSize: 14 }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <strong>{o.contactName}</strong>
            <span style={{ color: '#999', fontSize: 12 }}>
              {t(`field.type.${o.type}`)} · {o.number}
            </span>
          </div>
          <CallLink phone={o.contactPhone} orderId={o.id} note={false} />
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <span style={{ color: '#555' }}>{addressOf(o)}</span>
            <NavLink address={addressOf(o)} />
          </div>
          {o.faultDescription ? <div style={{ color: '#999', fontSize: 13 }}>{o.faultDescription}</div> : null}
        </div>
      </Card>
    );
  };

  return (
    <MobileShell
      title={t('field.m.today')}
      right={
        <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end', alignItems: 'center' }}>
          <MobileLanguageSwitch />
        </div>
      }
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}>
        <span style={{ color: '#666' }}>
          <span data-testid="current-user">{me?.displayName}</span> · {today}
        </span>
        <Button
          size="mini"
          fill="none"
          data-testid="logout"
          onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
        >
          {t('field.m.logout')}
        </Button>
      </div>
      {items.some((o) => !telHref(o.contactPhone)) ? (
        <div style={{ color: '#999', fontSize: 12, margin: '0 4px 8px' }}>{t('field.m.maskedNote')}</div>
      ) : null}
      <PullToRefresh onRefresh={async () => void (await orders.refetch())}>
        {orders.isLoading ? (
          <div style={{ textAlign: 'center', padding: 40 }}>
            <SpinLoading color="primary" style={{ margin: '0 auto' }} />
          </div>
        ) : null}
        {plan.today.length === 0 && !orders.isLoading ? (
          <ErrorBlock status="empty" title={t('field.m.empty')} description="" />
        ) : (
          plan.today.map(card)
        )}
        {plan.others.length > 0 ? (
          <>
            <div style={{ margin: '16px 4px 8px', color: '#999', fontSize: 13 }}>{t('field.m.others')}</div>
            {plan.others.map(card)}
          </>
        ) : null}
      </PullToRefresh>
    </MobileShell>
  );
}
