import { Descriptions, type DescriptionsProps, Drawer, Skeleton, Space } from 'antd';
import type { ReactNode } from 'react';

export interface DetailDrawerProps {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  loading?: boolean;
  /** Buttons in the drawer header (edit, deactivate …). */
  actions?: ReactNode;
  items: DescriptionsProps['items'];
  /** Sections below the descriptions (trainings, coverage …). */
  children?: ReactNode;
  width?: number;
  testId?: string;
}

/** The detail pattern: a Drawer with the record's fields as Descriptions and its actions on top. */
export function DetailDrawer(props: DetailDrawerProps) {
  return (
    <Drawer
      open={props.open}
      title={props.title}
      size={props.width ?? 720}
      onClose={props.onClose}
      extra={<Space>{props.actions}</Space>}
      data-testid={props.testId}
    >
      {props.loading ? (
        <Skeleton active />
      ) : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions
            column={2}
            bordered
            size="small"
            items={props.items}
            styles={{ label: { whiteSpace: 'nowrap', width: 130 } }}
          />
          {props.children}
        </Space>
      )}
    </Drawer>
  );
}
