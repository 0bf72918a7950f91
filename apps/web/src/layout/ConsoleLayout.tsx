import {
  AlertOutlined,
  ApartmentOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  BuildOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  ClusterOutlined,
  CommentOutlined,
  ContactsOutlined,
  CustomerServiceOutlined,
  DatabaseOutlined,
  EnvironmentOutlined,
  ExceptionOutlined,
  FileProtectOutlined,
  FileTextOutlined,
  GiftOutlined,
  GlobalOutlined,
  InboxOutlined,
  KeyOutlined,
  LineChartOutlined,
  LogoutOutlined,
  PhoneOutlined,
  ProfileOutlined,
  ScheduleOutlined,
  SendOutlined,
  ShopOutlined,
  TagsOutlined,
  TeamOutlined,
  ToolOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { App, Avatar, Button, Flex, Layout, Menu, type MenuProps, Segmented, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { type MenuGroup, type PageKey, RECORD_ROUTES, visiblePages } from '../access.ts';
import { useLogout, useMe } from '../api/auth.ts';
import { enumLabel } from '../components/labels.tsx';
import { type Language, switchLanguage } from '../i18n/index.ts';
import { NotificationBell } from '../pages/sla-board/NotificationBell.tsx';

const PAGE_ICONS: Record<PageKey, ReactNode> = {
  customers: <ContactsOutlined />,
  models: <AppstoreOutlined />,
  parts: <BuildOutlined />,
  outlets: <ShopOutlined />,
  technicians: <ToolOutlined />,
  brands: <TagsOutlined />,
  regions: <GlobalOutlined />,
  serviceCenters: <BankOutlined />,
  users: <TeamOutlined />,
  divisions: <EnvironmentOutlined />,
  imports: <CloudUploadOutlined />,
  audit: <AuditOutlined />,
  apiKeys: <KeyOutlined />,
  policies: <FileProtectOutlined />,
  calendar: <CalendarOutlined />,
  desk: <PhoneOutlined />,
  orders: <FileTextOutlined />,
  dispatch: <SendOutlined />,
  slaBoard: <AlertOutlined />,
  returnVisits: <CommentOutlined />,
  slaReports: <LineChartOutlined />,
  outletOffers: <InboxOutlined />,
  outletOrders: <ProfileOutlined />,
  outletDayPlan: <ScheduleOutlined />,
  assessmentSlips: <ExceptionOutlined />,
  remedies: <GiftOutlined />,
  outletSlips: <ExceptionOutlined />,
};
const GROUP_ICONS: Record<MenuGroup, ReactNode> = {
  service: <CustomerServiceOutlined />,
  catalog: <DatabaseOutlined />,
  network: <ClusterOutlined />,
  system: <ApartmentOutlined />,
};

export function LanguageSwitch() {
  const { i18n } = useTranslation();
  return (
    <Segmented<Language>
      size="small"
      value={i18n.language === 'en-US' ? 'en-US' : 'zh-CN'}
      options={[
        { value: 'zh-CN', label: '中文' },
        { value: 'en-US', label: 'EN' },
      ]}
      onChange={(lang) => void switchLanguage(lang)}
      data-testid="language-switch"
    />
  );
}

/** The console frame: menu from the access map, header with the user, role, language and logout. */
export function ConsoleLayout() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  const pages = visiblePages(me);

  const groups: MenuGroup[] = ['service', 'network', 'catalog', 'system'];
  const items: MenuProps['items'] = groups
    .map((g) => ({
      key: g,
      icon: GROUP_ICONS[g],
      label: t(`menu.${g}`),
      children: pages
        .filter((p) => p.group === g)
        .map((p) => ({ key: p.path, icon: PAGE_ICONS[p.key], label: t(`menu.${p.key}`) })),
    }))
    .filter((g) => g.children.length > 0);
  // A record page (a product) keeps the menu entry of the page it belongs to (customers).
  const recordOf = RECORD_ROUTES.find((r) => location.pathname.startsWith(r.path.replace(':id', '')))?.page;
  const selected = pages.find((p) => location.pathname.startsWith(p.path) || p.key === recordOf)?.path;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        width={216}
        theme="light"
        breakpoint="lg"
        collapsible
        style={{ borderInlineEnd: '1px solid #f0f0f0', position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
      >
        <Flex align="center" gap={8} style={{ height: 56, paddingInline: 20, overflow: 'hidden' }}>
          <img src="/favicon.svg" alt="" width={24} height={24} />
          <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
            {t('app.short')}
          </Typography.Text>
        </Flex>
        <Menu
          mode="inline"
          items={items}
          selectedKeys={selected ? [selected] : []}
          defaultOpenKeys={groups}
          onClick={({ key }) => navigate(key)}
          style={{ borderInlineEnd: 0 }}
          data-testid="main-menu"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            paddingInline: 24,
            height: 56,
            lineHeight: '56px',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Flex justify="space-between" align="center" style={{ height: '100%' }}>
            <Typography.Text type="secondary">{t('app.name')}</Typography.Text>
            <Flex align="center" gap={16}>
              <NotificationBell />
              <LanguageSwitch />
              <Flex align="center" gap={8}>
                <Avatar size="small" icon={<UserOutlined />} />
                <span data-testid="current-user">{me?.displayName}</span>
                {me ? <Tag color="blue">{enumLabel(t, 'role', me.role)}</Tag> : null}
              </Flex>
              <Button
                type="text"
                icon={<LogoutOutlined />}
                loading={logout.isPending}
                data-testid="logout"
                onClick={() =>
                  logout.mutate(undefined, {
                    onSettled: () => {
                      void message.success(t('header.loggedOut'));
                      navigate('/login', { replace: true });
                    },
                  })
                }
              >
                {t('header.logout')}
              </Button>
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
