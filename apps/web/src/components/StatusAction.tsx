import { CheckCircleOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface StatusActionProps {
  /** Is the record currently active? The button offers the opposite. */
  active: boolean;
  name: string;
  onChange: (activate: boolean) => Promise<unknown>;
  size?: 'small' | 'middle';
}

/** Deactivate (or reactivate) with a confirmation; deactivation is a status change, never a delete. */
export function StatusAction({ active, name, onChange, size = 'middle' }: StatusActionProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Popconfirm
      title={active ? t('common.deactivateConfirm', { name }) : t('common.activateConfirm', { name })}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: active, loading: busy }}
      onConfirm={async () => {
        setBusy(true);
        try {
          await onChange(!active);
          void message.success(t('common.statusChanged'));
        } catch {
          // The request layer has shown the error.
        } finally {
          setBusy(false);
        }
      }}
    >
      <Button size={size} danger={active} icon={active ? <StopOutlined /> : <CheckCircleOutlined />}>
        {active ? t('common.deactivate') : t('common.activate')}
      </Button>
    </Popconfirm>
  );
}
