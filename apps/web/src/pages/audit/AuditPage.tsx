import { Form, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditEntry, type AuditQuery, useAuditLog } from '../../api/audit.ts';
import { DateField } from '../../components/DateField.tsx';
import { DetailDrawer } from '../../components/DetailDrawer.tsx';
import { SearchFilter, TextFilter } from '../../components/filters.tsx';
import { formatDateTime } from '../../components/format.ts';
import { ListPage } from '../../components/ListPage.tsx';
import { useListParams } from '../../components/useListParams.ts';

type Filters = { q?: string; entity?: string; action?: string; entityId?: string; from?: string; to?: string };

function Json({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (value === null || value === undefined) return <>{t('common.none')}</>;
  const parsed = typeof value === 'string' ? safeParse(value) : value;
  return (
    <pre style={{ margin: 0, maxHeight: 320, overflow: 'auto', fontSize: 12, whiteSpace: 'pre-wrap' }}>
      {JSON.stringify(parsed, null, 2)}
    </pre>
  );
}

function safeParse(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}

/** Who changed what and when; read-only, newest first. */
export default function AuditPage() {
  const { t } = useTranslation();
  const list = useListParams<Filters>(['q', 'entity', 'action', 'entityId', 'from', 'to']);
  const query = useAuditLog(list.params as AuditQuery);
  const [open, setOpen] = useState<AuditEntry | null>(null);

  return (
    <>
      <ListPage<AuditEntry, Filters>
        title={t('audit.title')}
        list={list}
        rowKey="id"
        query={query}
        onRowClick={setOpen}
        filters={
          <>
            <SearchFilter placeholder={t('audit.searchPlaceholder')} />
            <TextFilter name="entity" placeholder={t('audit.entity')} width={140} />
            <TextFilter name="action" placeholder={t('audit.action')} width={160} />
            <TextFilter name="entityId" placeholder={t('audit.entityId')} width={280} />
            <Form.Item name="from">
              <DateField placeholder={t('audit.from')} />
            </Form.Item>
            <Form.Item name="to">
              <DateField placeholder={t('audit.to')} />
            </Form.Item>
          </>
        }
        columns={[
          { dataIndex: 'at', title: t('audit.at'), render: formatDateTime, width: 170 },
          { dataIndex: 'actorName', title: t('audit.actor'), render: (v, r) => v ?? r.actorType },
          { dataIndex: 'action', title: t('audit.action'), render: (v) => <code>{v}</code> },
          { dataIndex: 'entity', title: t('audit.entity') },
          {
            dataIndex: 'entityId',
            title: t('audit.entityId'),
            render: (v) =>
              v ? <Typography.Text copyable={{ text: v }}>{String(v).slice(0, 8)}…</Typography.Text> : '—',
          },
          {
            dataIndex: 'requestId',
            title: t('audit.requestId'),
            render: (v) => (v ? <code>{String(v).slice(0, 8)}…</code> : '—'),
          },
        ]}
      />
      <DetailDrawer
        open={Boolean(open)}
        title={open ? `${open.action} · ${open.entity}` : ''}
        onClose={() => setOpen(null)}
        items={
          open
            ? [
                { key: 'at', label: t('audit.at'), children: formatDateTime(open.at) },
                { key: 'actor', label: t('audit.actor'), children: `${open.actorName ?? '—'} (${open.actorType})` },
                { key: 'entity', label: t('audit.entity'), children: open.entity },
                { key: 'entityId', label: t('audit.entityId'), children: open.entityId ?? '—' },
                { key: 'request', label: t('audit.requestId'), children: open.requestId ?? '—', span: 2 },
                { key: 'before', label: t('audit.before'), children: <Json value={open.before} />, span: 2 },
                { key: 'after', label: t('audit.after'), children: <Json value={open.after} />, span: 2 },
              ]
            : []
        }
      />
    </>
  );
}
