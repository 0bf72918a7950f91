import { Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PolicyPackSummary, usePolicyPacks } from '../../api/policies.ts';
import { SearchFilter } from '../../components/filters.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { useListParams } from '../../components/useListParams.ts';
import { PackDrawer } from './PackDrawer.tsx';

type Filters = { q?: string };

/** Policy packs (section C): the packs the caller may see; a row opens its versions. */
export default function PoliciesPage() {
  const { t, i18n } = useTranslation();
  const list = useListParams<Filters>(['q']);
  const packs = usePolicyPacks(list.filters.q);
  const [openId, setOpenId] = useState<string | null>(null);
  const lang = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';

  return (
    <>
      <ListPage<PolicyPackSummary, Filters>
        title={t('policies.title')}
        list={list}
        rowKey="id"
        items={packs.data}
        loading={packs.isFetching}
        testId="policies-page"
        onRowClick={(row) => setOpenId(row.id)}
        filters={<SearchFilter placeholder={t('policies.searchPlaceholder')} width={220} />}
        columns={[
          { dataIndex: 'id', title: t('policies.id'), render: (v) => <code>{v}</code> },
          { dataIndex: 'name', title: t('policies.name'), render: (n: PolicyPackSummary['name']) => n[lang] },
          { dataIndex: 'extends', title: t('policies.extends'), render: (v) => v ?? t('common.none') },
          { dataIndex: 'activeVersion', title: t('policies.activeVersion'), render: (v) => v ?? t('common.none') },
          {
            dataIndex: 'drafts',
            title: t('policies.drafts'),
            render: (v: number[]) =>
              v.length
                ? v.map((d) => (
                    <Tag key={d} color="processing">
                      {t('policies.versionN', { version: d })}
                    </Tag>
                  ))
                : t('common.none'),
          },
          {
            dataIndex: 'brands',
            title: t('policies.brands'),
            render: (v: PolicyPackSummary['brands']) => v.map((b) => <Tag key={b.id}>{b.name}</Tag>),
          },
          {
            dataIndex: 'writable',
            title: t('common.status'),
            render: (w: boolean) => (w ? null : <Tag>{t('policies.readOnly')}</Tag>),
          },
        ]}
      />
      <PackDrawer packId={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
