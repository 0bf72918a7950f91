import { Badge, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSlaBoard } from '../../api/sla.ts';
import { useApiRoutes } from '../../api/work-orders.ts';
import { hasRoute } from '../orders/order-values.ts';
import { DueCountdown } from './DueCountdown.tsx';
import { nameIn } from './sla-format.ts';

const SHOWN = 8;

/**
 * The outlet portal's at-risk card: the board API in the outlet manager's scope (their own outlet),
 * breached and due within 4 hours, with countdowns. A plain list, not a table, so the orders table
 * below stays the page's only table.
 */
export function OutletAtRisk() {
  const { t, i18n } = useTranslation();
  const routes = useApiRoutes();
  const routed = hasRoute(routes.data, 'GET /sla/board');
  const board = useSlaBoard({ withinHours: 4, page: 1, pageSize: SHOWN }, routed);
  if (!routed || board.isError || !board.data) return null;
  const { summary, items, total } = board.data;
  return (
    <Card
      size="small"
      data-testid="outlet-at-risk"
      title={
        <Flex gap={12} align="center">
          <span>{t('slaBoard.outletCard')}</span>
          <Badge count={summary.breached} color="red" showZero title={t('slaBoard.breached')} />
          <Badge count={summary.dueSoon} color="orange" showZero title={t('slaBoard.dueSoon')} />
          <Badge count={summary.paused} color="blue" showZero title={t('slaBoard.paused')} />
        </Flex>
      }
      extra={<Typography.Text type="secondary">{t('slaBoard.outletCardHint')}</Typography.Text>}
    >
      {items.length === 0 ? (
        <Typography.Text type="secondary">{t('slaBoard.empty')}</Typography.Text>
      ) : (
        <Flex vertical gap={6}>
          {items.map((m) => (
            <Flex key={m.id} gap={12} align="center" wrap>
              <Link to={`/orders/${m.order.id}`}>{m.order.number}</Link>
              <span>{nameIn(m.name, i18n.language)}</span>
              {m.customerCaused ? <Tag color="purple">{t('slaBoard.customerCaused')}</Tag> : null}
              <DueCountdown dueAt={m.dueAt} />
            </Flex>
          ))}
          {total > items.length ? (
            <Typography.Text type="secondary">{t('slaBoard.more', { count: total - items.length })}</Typography.Text>
          ) : null}
        </Flex>
      )}
    </Card>
  );
}
