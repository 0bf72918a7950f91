import { ROLE_SCOPE } from '@aftercare/contracts';
import { UnlockOutlined } from '@ant-design/icons';
import { App, Button, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { outlets } from '../../api/outlets.ts';
import { type User, type UserListQuery, users } from '../../api/users.ts';
import { useCan } from '../../auth/useAccess.ts';
import { DetailDrawer } from '../../components/DetailDrawer.tsx';
import { EnumFilter, OutletFilter, SearchFilter, StatusFilter } from '../../components/filters.tsx';
import { formatDateTime } from '../../components/format.ts';
import { CreateButton, ListPage } from '../../components/ListPage.tsx';
import { EnumTag, enumLabel } from '../../components/labels.tsx';
import { useBrandNames } from '../../components/pickers.tsx';
import {
  actionColumn,
  hasActiveStatus,
  type RecordActionsOf,
  recordActions,
  statusItem,
} from '../../components/RecordActions.tsx';
import { useDrawers } from '../../components/useDrawers.ts';
import { useListParams } from '../../components/useListParams.ts';
import { useStatusToggle } from '../../components/useStatusToggle.ts';
import { UserForm } from './UserForm.tsx';

type Filters = { q?: string; role?: string; outletId?: string; status?: string };

function OutletName({ id }: { id: string }) {
  const { data } = outlets.useOne(id);
  return <>{data?.name ?? '…'}</>;
}

/** What a user's data scope covers, in words. */
function ScopeText({ user }: { user: User }) {
  const { t } = useTranslation();
  const brandName = useBrandNames();
  const kind = ROLE_SCOPE[user.role];
  if (kind === 'all') return <>{enumLabel(t, 'scopeKind', 'all')}</>;
  if (kind === 'brand') {
    return (
      <>
        {user.brandIds.map((id) => (
          <Tag key={id}>{brandName(id)}</Tag>
        ))}
        {user.regionIds.length ? `+${user.regionIds.length} ${t('menu.regions')}` : null}
      </>
    );
  }
  if (user.outletId) return <OutletName id={user.outletId} />;
  return <>{t('common.none')}</>;
}

export default function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const allowed = useCan();
  const canWrite = allowed('user.write');
  const list = useListParams<Filters>(['q', 'role', 'outletId', 'status']);
  const query = users.useList(list.params as UserListQuery);
  const drawers = useDrawers<User>();
  const detail = users.useOne(drawers.viewId);
  const update = users.useUpdate();
  const u = detail.data;
  const setActive = useStatusToggle(users, 'disabled');
  const actions: RecordActionsOf<User> = {
    onEdit: drawers.edit,
    isActive: hasActiveStatus,
    nameOf: (row) => row.displayName,
    onSetActive: setActive,
  };
  // The server sends lockedUntil only while the lockout is in force (judged by its clock).
  const locked = (row: User) => row.lockedUntil !== null;

  return (
    <>
      <ListPage<User, Filters>
        title={t('users.title')}
        testId="users-page"
        list={list}
        rowKey="id"
        query={query}
        onRowClick={(row) => drawers.view(row.id)}
        toolbar={
          canWrite ? (
            <CreateButton onClick={drawers.create} testId="user-create">
              {t('users.create')}
            </CreateButton>
          ) : null
        }
        filters={
          <>
            <SearchFilter placeholder={t('users.searchPlaceholder')} />
            <EnumFilter name="role" kind="role" placeholder={t('users.role')} />
            <OutletFilter placeholder={t('users.outlet')} />
            <StatusFilter kind="userStatus" />
          </>
        }
        columns={[
          { dataIndex: 'username', title: t('users.username'), render: (v) => <code>{v}</code> },
          { dataIndex: 'displayName', title: t('users.displayName') },
          { dataIndex: 'role', title: t('users.role'), render: (v) => <EnumTag kind="role" value={v} /> },
          { key: 'scope', title: t('users.scope'), render: (_, row) => <ScopeText user={row} /> },
          {
            dataIndex: 'status',
            title: t('common.status'),
            render: (v, row) => (
              <>
                <EnumTag kind="userStatus" value={v} />
                {locked(row) ? <Tag color="red">{t('users.lockedUntil')}</Tag> : null}
              </>
            ),
          },
          { dataIndex: 'lastLoginAt', title: t('users.lastLoginAt'), render: formatDateTime },
          actionColumn(t, !canWrite, actions),
        ]}
      />
      <DetailDrawer
        open={Boolean(drawers.viewId)}
        title={u ? t('common.nameWithCode', { name: u.displayName, code: u.username }) : ''}
        onClose={drawers.closeView}
        loading={detail.isLoading}
        actions={
          u && canWrite ? (
            <>
              {locked(u) ? (
                <Button
                  icon={<UnlockOutlined />}
                  onClick={() =>
                    update.mutate(
                      { id: u.id, body: { unlock: true }, silent: false },
                      { onSuccess: () => void message.success(t('users.unlocked')) },
                    )
                  }
                >
                  {t('users.unlock')}
                </Button>
              ) : null}
              {recordActions(t, u, actions)}
            </>
          ) : null
        }
        items={
          u
            ? [
                { key: 'username', label: t('users.username'), children: <code>{u.username}</code> },
                { key: 'name', label: t('users.displayName'), children: u.displayName },
                { key: 'role', label: t('users.role'), children: <EnumTag kind="role" value={u.role} /> },
                statusItem(t, u.status, 'userStatus'),
                { key: 'scope', label: t('users.scope'), children: <ScopeText user={u} />, span: 2 },
                { key: 'phone', label: t('common.phone'), children: u.phone ?? t('common.none') },
                { key: 'locked', label: t('users.lockedUntil'), children: formatDateTime(u.lockedUntil) },
                { key: 'login', label: t('users.lastLoginAt'), children: formatDateTime(u.lastLoginAt) },
                { key: 'created', label: t('common.createdAt'), children: formatDateTime(u.createdAt) },
              ]
            : []
        }
      />
      <UserForm open={drawers.formOpen} record={drawers.editing} onClose={drawers.closeForm} />
    </>
  );
}
