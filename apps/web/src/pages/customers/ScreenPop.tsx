import { PhoneOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, List, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { type CustomerLookup, lookupCustomers } from '../../api/customers.ts';
import { EnumTags } from '../../components/labels.tsx';
import { primaryAddress, primaryPhone } from './customer-values.ts';

type By = 'phone' | 'serial';

/**
 * The screen pop: who is calling (a phone number in any form) or whose machine this is (a serial).
 * One match opens the customer; several are listed; none offers a new customer with the number.
 */
export function ScreenPop({ onCreate }: { onCreate?: (phone: string) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [by, setBy] = useState<By>('phone');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ text: string; found: CustomerLookup['customers'] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const find = async (raw: string) => {
    const text = raw.trim();
    if (!text) return;
    setBusy(true);
    setError(null);
    try {
      const { customers: found } = await lookupCustomers(by === 'phone' ? { phone: text } : { serial: text });
      if (found.length === 1) navigate(`/customers/${found[0]!.customer.id}`);
      else setResult({ text, found });
    } catch (err) {
      setResult(null);
      setError(err instanceof ApiError ? err.detail : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('customers.lookupTitle')} data-testid="screen-pop">
      <Flex gap={12} align="center" wrap>
        <Segmented<By>
          value={by}
          onChange={(v) => {
            setBy(v);
            setResult(null);
            setError(null);
          }}
          options={[
            { value: 'phone', label: t('customers.lookupPhone') },
            { value: 'serial', label: t('customers.lookupSerial') },
          ]}
        />
        <Input.Search
          style={{ width: 360 }}
          prefix={by === 'phone' ? <PhoneOutlined /> : undefined}
          placeholder={by === 'phone' ? t('customers.lookupPhonePlaceholder') : t('customers.lookupSerialPlaceholder')}
          enterButton={t('customers.lookupGo')}
          loading={busy}
          onSearch={(v) => void find(v)}
          data-testid="screen-pop-input"
        />
        {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
        {result && result.found.length === 0 ? (
          <Flex gap={8} align="center">
            <Typography.Text type="secondary">{t('customers.lookupNone')}</Typography.Text>
            {onCreate && by === 'phone' ? (
              <Button size="small" onClick={() => onCreate(result.text)}>
                {t('customers.lookupCreate')}
              </Button>
            ) : null}
          </Flex>
        ) : null}
      </Flex>
      {result && result.found.length > 1 ? (
        <List
          size="small"
          style={{ marginTop: 8 }}
          header={t('customers.lookupMany', { count: result.found.length })}
          dataSource={result.found}
          renderItem={({ customer: c, flags, products }) => {
            const a = primaryAddress(c);
            return (
              <List.Item
                actions={[
                  <Button key="open" size="small" type="link" onClick={() => navigate(`/customers/${c.id}`)}>
                    {t('customers.open')}
                  </Button>,
                ]}
              >
                <Flex gap={12} align="center" wrap>
                  <Typography.Text strong>{c.name}</Typography.Text>
                  <span>{primaryPhone(c)?.number ?? ''}</span>
                  <span>{a ? `${a.divisionName ?? a.divisionCode} ${a.detail}` : ''}</span>
                  <span>{products.map((p) => p.modelCode ?? p.serial ?? p.categoryCode).join('、')}</span>
                  <EnumTags kind="customerFlag" values={flags} />
                </Flex>
              </List.Item>
            );
          }}
        />
      ) : null}
    </Card>
  );
}
