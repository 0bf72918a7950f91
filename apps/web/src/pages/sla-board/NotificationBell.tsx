import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, List, Popover, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Notification, useMarkRead, useNotifications } from '../../api/sla.ts';
import { useApiRoutes } from '../../api/work-orders.ts';
import { formatDateTime } from '../../components/format.ts';
import { hasRoute } from '../orders/order-values.ts';
import { nameIn } from './sla-format.ts';

interface Payload {
  number?: string | null;
  name?: { 'zh-CN': string; 'en-US': string };
  milestoneKey?: string;
  dueAt?: string | null;
}

/** The console header's bell: unread SLA warnings and breaches (every 30 s), each marked read on its own. */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const routes = useApiRoutes();
  const routed = hasRoute(routes.data, 'GET /notifications');
  const list = useNotifications(routed);
  const markRead = useMarkRead();
  if (!routed) return null;
  const items = list.data?.items ?? [];
  const tr = t as unknown as (k: string, o?: object) => string;

  const line = (n: Notification) => {
    const p = n.payload as Payload;
    const kind = tr(`notifications.kinds.${n.kind.replace('.', '_')}`, { defaultValue: n.kind });
    return (
      <Flex vertical gap={2} style={{ minWidth: 0 }}>
        <Flex gap={6} align="center">
          <Tag color={n.kind === 'sla.breached' ? 'red' : 'orange'}>{kind}</Tag>
          {n.orderId ? (
            <Link to={`/orders/${n.orderId}`} onClick={() => markRead.mutate(n.id)}>
              {p.number ?? n.orderId.slice(0, 8)}
            </Link>
          ) : (
            <span>{p.number}</span>
          )}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('notifications.line', {
            milestone: nameIn(p.name, i18n.language) || p.milestoneKey || '',
            due: formatDateTime(p.dueAt ?? null),
          })}
        </Typography.Text>
      </Flex>
    );
  };

  const content = (
    <div style={{ width: 360, maxHeight: 420, overflow: 'auto' }} data-testid="notifications-list">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(n) => (
            <List.Item
              key={n.id}
              actions={[
                <Button
                  key="read"
                  type="link"
                  size="small"
                  onClick={() => markRead.mutate(n.id)}
                  data-testid={`notification-read-${n.id}`}
                >
                  {t('notifications.markRead')}
                </Button>,
              ]}
            >
              {line(n)}
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover trigger="click" placement="bottomRight" title={t('notifications.title')} content={content}>
      <Badge count={list.data?.unread ?? 0} size="small" overflowCount={99}>
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={t('notifications.bell')}
          data-testid="notification-bell"
        />
      </Badge>
    </Popover>
  );
}
