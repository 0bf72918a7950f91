import { KeyOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ApiKey,
  type ApiKeyCreate,
  type ApiKeyCreated,
  useApiKeys,
  useCreateApiKey,
  useRevokeApiKey,
} from '../../api/api-keys.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { formatDateTime } from '../../components/format.ts';
import { ListPage } from '../../components/ListPage.tsx';

/** The caller's API keys for integrations: create (the secret is shown once), list, revoke. */
export default function ApiKeysPage() {
  const { t } = useTranslation();
  const { data, isFetching } = useApiKeys();
  const create = useCreateApiKey();
  const revoke = useRevokeApiKey();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);

  return (
    <>
      <ListPage<ApiKey, Record<string, never>>
        title={t('apiKeys.title')}
        rowKey="id"
        items={data}
        loading={isFetching}
        toolbar={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('apiKeys.create')}
          </Button>
        }
        extra={<Alert type="info" showIcon title={t('apiKeys.hint')} />}
        columns={[
          { dataIndex: 'name', title: t('common.name') },
          { dataIndex: 'prefix', title: t('apiKeys.prefix'), render: (v) => <code>{v}…</code> },
          { dataIndex: 'createdAt', title: t('common.createdAt'), render: formatDateTime },
          { dataIndex: 'lastUsedAt', title: t('apiKeys.lastUsedAt'), render: formatDateTime },
          {
            dataIndex: 'revokedAt',
            title: t('common.status'),
            render: (v) =>
              v ? (
                <Tag>{t('apiKeys.revokedAt', { at: formatDateTime(v) })}</Tag>
              ) : (
                <Tag color="green">{t('apiKeys.active')}</Tag>
              ),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, k) =>
              k.revokedAt ? null : (
                <Popconfirm
                  title={t('apiKeys.revokeConfirm', { name: k.name })}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => revoke.mutateAsync(k.id)}
                >
                  <Button size="small" danger icon={<StopOutlined />}>
                    {t('apiKeys.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <FormDrawer<ApiKeyCreate>
        open={creating}
        width={420}
        title={t('apiKeys.create')}
        onClose={() => setCreating(false)}
        successMessage={t('common.created')}
        onSubmit={async (v) => setCreated(await create.mutateAsync(v))}
      >
        <Form.Item name="name" label={t('common.name')} rules={[{ required: true }]} extra={t('apiKeys.nameHint')}>
          <Input maxLength={100} />
        </Form.Item>
      </FormDrawer>
      <Modal
        open={Boolean(created)}
        title={
          <>
            <KeyOutlined /> {created?.name}
          </>
        }
        onOk={() => setCreated(null)}
        onCancel={() => setCreated(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <Alert type="warning" showIcon title={t('apiKeys.shownOnce')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable code style={{ wordBreak: 'break-all' }}>
          {created?.key}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
