import type { OrderStatus, WorkOrder } from '@aftercare/contracts';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { countdown, statusColor } from '../field/field-helpers.ts';
import { useNow } from '../field/use-now.ts';

/** The outlet of the signed-in outlet manager (GET /auth/me → scope.outletId). */
export function useOutletId(): { outletId: string | null; loading: boolean } {
  const { data: me, isLoading } = useMe();
  return { outletId: me?.scope.outletId ?? null, loading: isLoading };
}

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColor(status)}>{t(`field.status.${status}`)}</Tag>;
}

export function addressText(o: Pick<WorkOrder, 'address'>): string {
  return `${o.address.divisionName ?? ''}${o.address.detail}`;
}

/** The offer's deadline ticking down; red once it has passed. */
export function OfferCountdown({ expiresAt }: { expiresAt: string | null }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const left = countdown(expiresAt, now);
  if (!left) return <Typography.Text type="secondary">—</Typography.Text>;
  if (left.overdue) return <Tag color="red">{t('field.offers.overdue')}</Tag>;
  return (
    <Typography.Text type={left.ms < 5 * 60_000 ? 'danger' : undefined} strong data-testid="offer-countdown">
      {t('field.offers.left', { time: left.text })}
    </Typography.Text>
  );
}
