import { CheckCircleOutlined } from '@ant-design/icons';
import { Alert, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IntakeResult } from '../../api/work-orders.ts';

/** After a save: the order number, the customer's progress link, and a way to the order. */
export function SavedNotice({ result, onClose }: { result: IntakeResult; onClose: () => void }) {
  const { t } = useTranslation();
  const n = result.order.number;
  const title =
    result.outcome === 'closed_on_call'
      ? t('desk.savedClosed', { number: n })
      : result.outcome === 'linked'
        ? t('desk.savedLinked', { number: n })
        : t('desk.saved', { number: n });
  const link = result.customerLink ? `${window.location.origin}${result.customerLink}` : null;
  return (
    <Alert
      type="success"
      showIcon
      icon={<CheckCircleOutlined />}
      closable={{ onClose }}
      data-testid="desk-saved"
      title={title}
      description={
        <Space wrap>
          <Link to={`/orders/${result.order.id}`}>{t('desk.openOrder')}</Link>
          {link ? (
            <>
              <span>{t('desk.customerLink')}:</span>
              <Typography.Text copyable={{ text: link }} code>
                {result.customerLink}
              </Typography.Text>
            </>
          ) : null}
        </Space>
      }
    />
  );
}
