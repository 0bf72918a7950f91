import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { landingPath } from '../../access.ts';
import { type LoginRequest, useDemoLogins, useLogin, useMe } from '../../api/auth.ts';
import { enumLabel } from '../../components/labels.tsx';
import { LanguageSwitch } from '../../layout/ConsoleLayout.tsx';

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<LoginRequest>();
  const { data: me } = useMe();
  const demo = useDemoLogins();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;

  if (me) return <Navigate to={landingPath(me, from)} replace />;

  const demoUsers = demo.data?.demo ? demo.data.users : [];
  // Demo labels are bilingual ("奥克斯 坐席 AUX agent"): show the half in the current language.
  const demoLabel = (label: string) => {
    const cut = label.search(/[A-Za-z][A-Za-z ,.'()-]*$/);
    if (cut <= 0) return label;
    return i18n.language === 'en-US' ? label.slice(cut) : label.slice(0, cut).trim();
  };

  return (
    <Flex
      vertical
      align="center"
      style={{
        minHeight: '100vh',
        padding: '8vh 16px',
        background: 'linear-gradient(180deg, #e8f1ff 0%, #f5f7fa 60%)',
      }}
    >
      <Flex style={{ width: '100%', maxWidth: 880 }} justify="flex-end">
        <LanguageSwitch />
      </Flex>
      <Flex vertical align="center" gap={4} style={{ margin: '24px 0' }}>
        <Flex align="center" gap={10}>
          <img src="/favicon.svg" alt="" width={36} height={36} />
          <Typography.Title level={2} style={{ margin: 0 }}>
            {t('app.name')}
          </Typography.Title>
        </Flex>
        <Typography.Text type="secondary">{t('auth.subtitle')}</Typography.Text>
      </Flex>
      <Flex gap={24} wrap justify="center" align="flex-start" style={{ width: '100%', maxWidth: 880 }}>
        <Card title={t('auth.title')} style={{ width: 360, flex: 'none' }}>
          <Form<LoginRequest>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={(values) =>
              login.mutate(values, { onSuccess: (user) => navigate(landingPath(user, from), { replace: true }) })
            }
          >
            <Form.Item
              name="username"
              label={t('auth.username')}
              rules={[{ required: true, message: t('auth.username') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('auth.password')}
              rules={[{ required: true, message: t('auth.password') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
              {t('auth.submit')}
            </Button>
          </Form>
        </Card>
        {demoUsers.length ? (
          <Card
            title={t('auth.demoTitle')}
            extra={<Typography.Text type="secondary">{demoUsers.length}</Typography.Text>}
            style={{ flex: '1 1 420px', minWidth: 320 }}
            styles={{ body: { padding: 0 } }}
          >
            <Typography.Paragraph type="secondary" style={{ padding: '12px 16px 0' }}>
              {t('auth.demoHint', { password: demoUsers[0]?.password ?? '' })}
            </Typography.Paragraph>
            <Table
              data-testid="demo-logins"
              rowKey="username"
              size="small"
              pagination={false}
              dataSource={demoUsers}
              onRow={(u) => ({
                onClick: () => form.setFieldsValue({ username: u.username, password: u.password }),
                style: { cursor: 'pointer' },
              })}
              columns={[
                { dataIndex: 'username', title: t('auth.username'), render: (v: string) => <code>{v}</code> },
                {
                  dataIndex: 'role',
                  title: t('users.role'),
                  render: (v: string) => <Tag>{enumLabel(t, 'role', v)}</Tag>,
                },
                { dataIndex: 'label', title: t('users.displayName'), render: demoLabel },
              ]}
            />
          </Card>
        ) : null}
      </Flex>
    </Flex>
  );
}
