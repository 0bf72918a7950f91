import { Alert, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProductWarranty, type WarrantyEvaluation } from '../../api/warranty.ts';
import { DateField } from '../../components/DateField.tsx';
import { formatDate } from '../../components/format.ts';
import { RecordSection } from '../../components/RecordPage.tsx';
import { currentLanguage } from '../../i18n/index.ts';

type Verdict = WarrantyEvaluation['verdict'];
type Decision = Verdict['components']['labor'];
const COMPONENTS = ['labor', 'parts', 'onSite', 'transport'] as const;

const Covered = ({ covered }: { covered: boolean }) => {
  const { t } = useTranslation();
  return <Tag color={covered ? 'green' : 'red'}>{covered ? t('warranty.covered') : t('warranty.charged')}</Tag>;
};

/** A verdict's start, pack, components and notes (a live evaluation, or the snapshot stored on an order). */
export function VerdictDetails({
  verdict: v,
  pack,
  loading = false,
}: {
  verdict: Verdict;
  pack: { id: string; version: number };
  loading?: boolean;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <Flex vertical gap={8} style={{ padding: 12 }}>
      <Flex align="center" gap={8} wrap>
        <Covered covered={v.covered} />
        <Typography.Text>
          {v.start
            ? t('warranty.start', { date: formatDate(v.start.date), basis: t(`warranty.basis.${v.start.basis}`) })
            : t('warranty.noStart')}
        </Typography.Text>
        <Typography.Text type="secondary">{t('warranty.pack', { id: pack.id, version: pack.version })}</Typography.Text>
      </Flex>
      {v.start ? <Typography.Text type="secondary">{v.start.explanation[lang]}</Typography.Text> : null}
      <Table<{ key: string } & Decision>
        size="small"
        pagination={false}
        loading={loading}
        dataSource={COMPONENTS.map((k) => ({ key: k, ...v.components[k] }))}
        columns={[
          {
            dataIndex: 'key',
            title: t('warranty.component'),
            render: (k: (typeof COMPONENTS)[number]) => t(`warranty.components.${k}`),
          },
          { dataIndex: 'covered', title: t('warranty.verdict'), render: (c: boolean) => <Covered covered={c} /> },
          { dataIndex: 'until', title: t('warranty.until'), render: formatDate },
          { key: 'why', title: t('warranty.why'), render: (_, d) => d.explanation[lang] },
        ]}
      />
      {v.notes.map((n) => (
        <Typography.Text key={n.clause.path + n.explanation[lang]} type="secondary">
          {n.explanation[lang]}
        </Typography.Text>
      ))}
    </Flex>
  );
}

/** The server's warranty verdict for the product, for a fault on a chosen day (today by default). */
export function WarrantyVerdict({ productId }: { productId: string }) {
  const { t } = useTranslation();
  const [faultDate, setFaultDate] = useState<string | null>(null);
  const { data, isFetching, error } = useProductWarranty(productId, faultDate ? { faultDate } : {});
  const v = data?.verdict;

  return (
    <RecordSection
      title={t('warranty.title')}
      testId="product-warranty"
      extra={
        <Flex align="center" gap={8}>
          <Typography.Text type="secondary">{t('warranty.faultDate')}</Typography.Text>
          <DateField value={faultDate} onChange={setFaultDate} placeholder={t('warranty.today')} />
        </Flex>
      }
    >
      {error ? <Alert type="error" showIcon title={error.message} /> : null}
      {v && data ? (
        <VerdictDetails
          verdict={v}
          pack={{ id: data.selection.packId, version: data.selection.version }}
          loading={isFetching}
        />
      ) : null}
    </RecordSection>
  );
}
