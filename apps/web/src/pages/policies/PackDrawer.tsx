import { DiffOutlined, EditOutlined, EyeOutlined, PlayCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PolicyPackDetail, useActivateVersion, usePolicyPack } from '../../api/policies.ts';
import { useCan } from '../../auth/useAccess.ts';
import { DetailDrawer } from '../../components/DetailDrawer.tsx';
import { formatDateTime } from '../../components/format.ts';
import { DiffDrawer } from './DiffView.tsx';
import { type EditorTarget, PackEditor } from './PackEditor.tsx';

type Version = PolicyPackDetail['versions'][number];

export const STATUS_COLORS = { draft: 'processing', active: 'success', retired: 'default' } as const;

/** One pack: its versions, and from there the text, the diff, a new draft and the activation. */
export function PackDrawer(props: { packId: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const allowed = useCan();
  const id = props.packId ?? '';
  const pack = usePolicyPack(props.packId);
  const activate = useActivateVersion(id);
  const [editor, setEditor] = useState<EditorTarget | null>(null);
  const [diffOf, setDiffOf] = useState<number | null>(null);
  const p = pack.data;
  const lang = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  const canWrite = Boolean(p?.writable) && allowed('policy.write');
  const draftFrom = (from: number) => p && setEditor({ mode: 'draft', from, next: p.latestVersion + 1 });

  const onActivate = async (v: Version) => {
    try {
      const r = await activate.mutateAsync(v.version);
      void message.success(
        r.retired.length
          ? t('policies.activatedRetired', { version: v.version, retired: r.retired.join('、') })
          : t('policies.activated', { version: v.version }),
      );
    } catch {
      // The request layer has shown the error.
    }
  };

  return (
    <>
      <DetailDrawer
        open={Boolean(props.packId)}
        title={p ? `${p.name[lang]}（${p.id}）` : ''}
        onClose={props.onClose}
        loading={pack.isLoading}
        width={1000}
        testId="policy-pack-drawer"
        actions={
          canWrite && p ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => draftFrom(p.latestVersion)}
              data-testid="policy-new-draft"
            >
              {t('policies.newDraft')}
            </Button>
          ) : null
        }
        items={
          p
            ? [
                { key: 'id', label: t('policies.id'), children: <Typography.Text code>{p.id}</Typography.Text> },
                { key: 'extends', label: t('policies.extends'), children: p.extends ?? t('common.none') },
                {
                  key: 'active',
                  label: t('policies.activeVersions'),
                  children: p.activeVersions.join('、') || t('common.none'),
                },
                { key: 'drafts', label: t('policies.drafts'), children: p.drafts.join('、') || t('common.none') },
                {
                  key: 'brands',
                  label: t('policies.brands'),
                  span: 2,
                  children: p.brands.length ? p.brands.map((b) => <Tag key={b.id}>{b.name}</Tag>) : t('common.none'),
                },
                ...(p.writable
                  ? []
                  : [{ key: 'ro', label: t('policies.readOnly'), span: 2, children: t('policies.readOnlyHint') }]),
              ]
            : []
        }
      >
        {p ? (
          <Table<Version>
            rowKey="version"
            size="small"
            pagination={false}
            dataSource={[...p.versions].reverse()}
            data-testid="policy-versions"
            columns={[
              { dataIndex: 'version', title: t('policies.version') },
              {
                dataIndex: 'status',
                title: t('policies.status'),
                render: (s: Version['status']) => <Tag color={STATUS_COLORS[s]}>{t(`policies.statuses.${s}`)}</Tag>,
              },
              {
                key: 'effective',
                title: t('policies.effective'),
                render: (_, v) =>
                  v.effectiveTo
                    ? t('policies.effectiveRange', { from: v.effectiveFrom, to: v.effectiveTo })
                    : `${v.effectiveFrom} ${t('policies.onward')}`,
              },
              {
                dataIndex: 'origin',
                title: t('policies.origin'),
                render: (o: Version['origin']) => t(`policies.origins.${o}`),
              },
              { dataIndex: 'authorName', title: t('policies.author'), render: (a) => a ?? t('common.none') },
              { dataIndex: 'createdAt', title: t('policies.createdAt'), render: formatDateTime },
              { dataIndex: 'activatedAt', title: t('policies.activatedAt'), render: formatDateTime },
              {
                key: 'actions',
                title: t('common.actions'),
                render: (_, v) => (
                  <Space size={4} wrap>
                    <Button
                      size="small"
                      icon={<EyeOutlined />}
                      onClick={() => setEditor({ mode: 'view', version: v.version })}
                    >
                      {t('policies.view')}
                    </Button>
                    <Button
                      size="small"
                      icon={<DiffOutlined />}
                      onClick={() => setDiffOf(v.version)}
                      data-testid="policy-diff-open"
                    >
                      {t('policies.diff')}
                    </Button>
                    {canWrite ? (
                      <Button size="small" icon={<EditOutlined />} onClick={() => draftFrom(v.version)}>
                        {t('policies.editFrom')}
                      </Button>
                    ) : null}
                    {canWrite && v.status === 'draft' ? (
                      <Popconfirm
                        title={t('policies.activateTitle', { id: p.id, version: v.version })}
                        description={<div style={{ maxWidth: 360 }}>{t('policies.activateHint')}</div>}
                        okText={t('common.confirm')}
                        cancelText={t('common.cancel')}
                        okButtonProps={{ loading: activate.isPending }}
                        onConfirm={() => onActivate(v)}
                      >
                        <Button size="small" type="primary" icon={<PlayCircleOutlined />} data-testid="policy-activate">
                          {t('policies.activate')}
                        </Button>
                      </Popconfirm>
                    ) : null}
                  </Space>
                ),
              },
            ]}
          />
        ) : null}
      </DetailDrawer>
      <PackEditor packId={id} target={editor} onClose={() => setEditor(null)} />
      <DiffDrawer packId={id} version={diffOf} onClose={() => setDiffOf(null)} />
    </>
  );
}
