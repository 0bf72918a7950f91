import { EditOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { EnumTag } from './labels.tsx';
import { StatusAction } from './StatusAction.tsx';

/** What a page does with one record: open it in the form, and switch it on or off. */
export interface RecordActionsOf<T> {
  onEdit: (row: T) => void;
  /** Is the record currently active? The status button offers the opposite. */
  isActive: (row: T) => boolean;
  /** The name the confirmation asks about. */
  nameOf: (row: T) => string;
  onSetActive: (row: T, active: boolean) => Promise<unknown>;
}

/** The usual test for `isActive`: the record's status is `active`. */
export const hasActiveStatus = (row: { status: string }) => row.status === 'active';

/**
 * Edit and deactivate/activate buttons of one record (in a table row when small, in a drawer header
 * otherwise), as a fragment so that the Space around them spaces each button.
 */
export function recordActions<T>(t: TFunction, record: T, a: RecordActionsOf<T>, size?: 'small') {
  return (
    <>
      <Button size={size} icon={<EditOutlined />} onClick={() => a.onEdit(record)}>
        {t('common.edit')}
      </Button>
      <StatusAction
        size={size}
        active={a.isActive(record)}
        name={a.nameOf(record)}
        onChange={(active) => a.onSetActive(record, active)}
      />
    </>
  );
}

/** The actions column of a list page; hidden from those who may not write. */
export function actionColumn<T>(t: TFunction, hidden: boolean, actions: RecordActionsOf<T>): ColumnType<T> {
  return {
    key: 'actions',
    title: t('common.actions'),
    hidden,
    render: (_, row) => <Space>{recordActions(t, row, actions, 'small')}</Space>,
  };
}

type StatusKind = 'activeStatus' | 'outletStatus';

/** The status column of a list page: the record's status as a tag. */
export function statusColumn<T>(t: TFunction, kind: StatusKind = 'activeStatus'): ColumnType<T> {
  return { dataIndex: 'status', title: t('common.status'), render: (v) => <EnumTag kind={kind} value={v} /> };
}

/** The status entry of a detail drawer. */
export function statusItem(t: TFunction, value: string, kind: StatusKind | 'userStatus' = 'activeStatus') {
  return { key: 'status', label: t('common.status'), children: <EnumTag kind={kind} value={value} /> };
}
