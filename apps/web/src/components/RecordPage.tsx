import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Descriptions, type DescriptionsProps, Flex, Result, Skeleton, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface RecordPageProps {
  /** Where the back link goes, and its text. */
  back: { to: string; label: string };
  title: ReactNode;
  /** Tags beside the title (status, flags). */
  tags?: ReactNode;
  /** Buttons right of the title (edit …). */
  actions?: ReactNode;
  loading: boolean;
  /** Shown instead of the record when it could not be loaded (not found, not visible). */
  missing?: string | null;
  items?: DescriptionsProps['items'];
  children?: ReactNode;
  testId?: string;
}

/**
 * The full-page pattern of one record with many parts (a customer's 360 view, a product): a back
 * link, the title with tags and actions, the fields as Descriptions, then sections.
 */
export function RecordPage(props: RecordPageProps) {
  const back = (
    <Link to={props.back.to}>
      <ArrowLeftOutlined /> {props.back.label}
    </Link>
  );
  if (props.loading) return <Skeleton active />;
  if (props.missing) return <Result status="404" title={props.missing} extra={back} />;
  return (
    <Flex vertical gap={16} data-testid={props.testId}>
      {back}
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" gap={8} wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {props.title}
          </Typography.Title>
          {props.tags}
        </Flex>
        <Space>{props.actions}</Space>
      </Flex>
      {props.items ? (
        <Card size="small">
          <Descriptions
            column={{ xs: 1, md: 2, xl: 3 }}
            size="small"
            items={props.items}
            styles={{ label: { whiteSpace: 'nowrap' } }}
          />
        </Card>
      ) : null}
      {props.children}
    </Flex>
  );
}

/** One section of a record page: a titled card, with buttons on the right. */
export function RecordSection(props: { title: string; extra?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Card
      size="small"
      title={props.title}
      extra={props.extra}
      data-testid={props.testId}
      styles={{ body: { padding: 0 } }}
    >
      {props.children}
    </Card>
  );
}
