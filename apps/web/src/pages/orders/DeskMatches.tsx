import { Button, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EnumTags } from '../../components/labels.tsx';
import { primaryAddress, primaryPhone } from '../customers/customer-values.ts';
import type { Found } from './DeskCustomer.tsx';

/** Several customers share the number: the agent picks the caller. */
export function DeskMatches({
  found,
  pickedId,
  onPick,
}: {
  found: Found[];
  pickedId: string | undefined;
  onPick: (f: Found) => void;
}) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      style={{ marginTop: 8 }}
      header={t('desk.found', { count: found.length })}
      dataSource={found}
      renderItem={(f) => {
        const a = primaryAddress(f.customer);
        const active = pickedId === f.customer.id;
        return (
          <List.Item
            actions={[
              <Button key="pick" size="small" type={active ? 'primary' : 'default'} onClick={() => onPick(f)}>
                {active ? t('desk.picked') : t('desk.pick')}
              </Button>,
            ]}
          >
            <Flex gap={12} align="center" wrap>
              <Typography.Text strong>{f.customer.name}</Typography.Text>
              <span>{primaryPhone(f.customer)?.number ?? ''}</span>
              <span>{a ? `${a.divisionName ?? a.divisionCode} ${a.detail}` : ''}</span>
              <EnumTags kind="customerFlag" values={f.flags} />
            </Flex>
          </List.Item>
        );
      }}
    />
  );
}
