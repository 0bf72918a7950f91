import { PlusOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../api/resource.ts';
import type { Filters, ListParams } from './useListParams.ts';

/** The rows: a paginated list query (items, total, fetching), or a plain list. */
type Rows<T> =
  | { query: { data?: Page<T>; isFetching: boolean }; items?: never; total?: never; loading?: never }
  | {
      query?: never;
      items: T[] | undefined;
      /** Server-side pagination when given; a plain (short) list otherwise. */
      total?: number;
      loading: boolean;
    };

export type ListPageProps<T, F extends Filters> = Rows<T> & {
  title: string;
  /** Form.Item elements of the filter bar; their names are the filter keys. */
  filters?: ReactNode;
  list?: ListParams<F>;
  columns: ColumnsType<T>;
  rowKey: keyof T & string;
  /** Buttons right of the title (create, import …). */
  toolbar?: ReactNode;
  /** Content between the filter bar and the table (breadcrumbs, notices). */
  extra?: ReactNode;
  onRowClick?: (row: T) => void;
  testId?: string;
};

/**
 * The list pattern of every console page: a title with actions, a filter bar bound to the URL, and
 * an antd Table with server-side pagination. Rows open the detail drawer on click.
 */
export function ListPage<T extends object, F extends Filters>(props: ListPageProps<T, F>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<F>();
  const { list } = props;
  const items = props.query ? props.query.data?.items : props.items;
  const total = props.query ? props.query.data?.total : props.total;
  const loading = props.query ? props.query.isFetching : props.loading;

  // The filter bar follows the URL (back/forward, links), and only when the URL's filters change.
  const filters = list?.filters;
  useEffect(() => {
    if (!filters) return;
    form.resetFields();
    form.setFieldsValue(filters as Parameters<typeof form.setFieldsValue>[0]);
  }, [form, filters]);

  return (
    <Flex vertical gap={16} data-testid={props.testId}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {props.title}
        </Typography.Title>
        <Space>{props.toolbar}</Space>
      </Flex>
      {props.filters && list ? (
        <Card size="small">
          <Form<F>
            form={form}
            layout="inline"
            onFinish={(values) => list.setFilters(values)}
            style={{ rowGap: 12 }}
            role="search"
          >
            {props.filters}
            <Form.Item>
              <Space>
                <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                  {t('common.search')}
                </Button>
                <Button
                  icon={<ReloadOutlined />}
                  onClick={() => {
                    form.resetFields();
                    list.setFilters({} as F);
                  }}
                >
                  {t('common.reset')}
                </Button>
              </Space>
            </Form.Item>
          </Form>
        </Card>
      ) : null}
      {props.extra}
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<T>
          rowKey={props.rowKey}
          // The actions column stays in view when a wide table scrolls sideways.
          columns={props.columns.map((c) => (c.key === 'actions' ? { fixed: 'right' as const, ...c } : c))}
          dataSource={items ?? []}
          loading={loading}
          size="middle"
          scroll={{ x: 'max-content' }}
          onRow={(row) => ({
            onClick: (e) => {
              // Clicks on buttons and links inside a row do their own thing.
              if ((e.target as HTMLElement).closest('button, a, .ant-popover')) return;
              props.onRowClick?.(row);
            },
            style: props.onRowClick ? { cursor: 'pointer' } : undefined,
          })}
          pagination={
            list && total !== undefined
              ? {
                  current: list.page,
                  pageSize: list.pageSize,
                  total,
                  showSizeChanger: true,
                  pageSizeOptions: [10, 20, 50, 100],
                  showTotal: (count) => t('common.total', { count }),
                  onChange: (page, pageSize) => list.setPage(page, pageSize),
                  style: { paddingInline: 16 },
                }
              : false
          }
        />
      </Card>
    </Flex>
  );
}

/** The create button of a list page's toolbar. */
export function CreateButton(props: { onClick: () => void; testId?: string; children: ReactNode }) {
  return (
    <Button type="primary" icon={<PlusOutlined />} onClick={props.onClick} data-testid={props.testId}>
      {props.children}
    </Button>
  );
}
