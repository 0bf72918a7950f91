import { IMPORT_KINDS } from '@aftercare/contracts';
import { CheckCircleOutlined, DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Flex,
  Progress,
  Segmented,
  Space,
  Statistic,
  Table,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import {
  type ImportKind,
  type ImportMode,
  type ImportResult,
  type ImportRowError,
  templateUrl,
  useImportProgress,
  useRunImport,
} from '../../api/imports.ts';
import { useCan } from '../../auth/useAccess.ts';
import { enumLabel } from '../../components/labels.tsx';
import { newJobId, progressBar } from './import-progress.ts';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Upload CSV/XLSX per kind: check first (dry run, row errors), then import the same file for real. */
export default function ImportsPage() {
  const { t } = useTranslation();
  const allowed = useCan();
  const kinds = IMPORT_KINDS.filter((k) => allowed(`import.${k}`));
  const [kind, setKind] = useState<ImportKind>(kinds[0] ?? 'outlets');
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [mode, setMode] = useState<ImportMode>('create');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const run = useRunImport();
  // The running import's id: its progress is polled while the upload request runs.
  const [jobId, setJobId] = useState<string | null>(null);
  const progress = useImportProgress(jobId);
  const bar = progressBar(progress.data);

  const start = (asDryRun: boolean) => {
    if (!file) return;
    const id = newJobId();
    setJobId(id);
    run.mutate(
      { kind, file, dryRun: asDryRun, mode, jobId: id },
      {
        onSettled: () => setJobId(null),
        onSuccess: (r) => {
          setFailed(null);
          setResult(r);
        },
        // A real import with bad rows writes nothing and answers 422 with the rows in `details`.
        onError: (err) => {
          if (err instanceof ApiError && Array.isArray(err.details)) {
            const errors = err.details as ImportRowError[];
            setFailed(err.detail);
            setResult({ kind, dryRun: false, total: 0, created: 0, updated: 0, errors });
          }
        },
      },
    );
  };
  const reset = () => {
    setResult(null);
    setFailed(null);
    run.reset();
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('imports.title')}
      </Typography.Title>
      <Card>
        <Flex vertical gap={16}>
          <Flex gap={16} align="center" wrap>
            <Typography.Text strong>{t('imports.kind')}</Typography.Text>
            <Segmented<ImportKind>
              value={kind}
              options={kinds.map((k) => ({ value: k, label: enumLabel(t, 'importKind', k) }))}
              onChange={(k) => {
                setKind(k);
                reset();
              }}
            />
            <Space>
              <Button icon={<DownloadOutlined />} href={templateUrl(kind, 'xlsx')} download>
                {t('imports.template')} (XLSX)
              </Button>
              <Button icon={<DownloadOutlined />} href={templateUrl(kind, 'csv')} download>
                CSV
              </Button>
            </Space>
          </Flex>
          <Alert type="info" showIcon title={t('imports.hint')} />
          <Upload.Dragger
            accept={ACCEPT}
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              reset();
              return false;
            }}
            onRemove={() => {
              setFile(null);
              reset();
            }}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done', size: file.size }] : []}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('imports.upload')}</p>
          </Upload.Dragger>
          <Space wrap>
            <Segmented<ImportMode>
              value={mode}
              onChange={(m) => {
                setMode(m);
                reset();
              }}
              options={[
                { value: 'create', label: t('imports.modeCreate') },
                { value: 'upsert', label: t('imports.modeUpsert') },
              ]}
            />
            <Checkbox checked={dryRun} onChange={(e) => setDryRun(e.target.checked)}>
              {t('imports.dryRun')}
            </Checkbox>
            <Button
              type="primary"
              icon={<UploadOutlined />}
              disabled={!file}
              loading={run.isPending}
              onClick={() => start(dryRun)}
            >
              {dryRun ? t('imports.check') : t('imports.commit')}
            </Button>
          </Space>
          {run.isPending ? (
            <Flex vertical gap={4} data-testid="import-progress">
              <Progress percent={bar.percent} status="active" />
              <Typography.Text type="secondary">
                {bar.phase === 'writing'
                  ? t('imports.progressRows', { processed: bar.processed, total: bar.total })
                  : t('imports.progressChecking')}
              </Typography.Text>
            </Flex>
          ) : null}
        </Flex>
      </Card>
      {result ? (
        <Card
          title={result.dryRun ? t('imports.resultTitleDry') : t('imports.resultTitle')}
          extra={
            result.dryRun && result.errors.length === 0 ? (
              <Button
                type="primary"
                icon={<CheckCircleOutlined />}
                loading={run.isPending}
                onClick={() => start(false)}
              >
                {t('imports.commit')}
              </Button>
            ) : null
          }
        >
          {failed ? <Alert type="error" showIcon title={failed} style={{ marginBottom: 16 }} /> : null}
          {failed ? null : (
            <Flex gap={48} style={{ marginBottom: 16 }}>
              <Statistic title={t('imports.total')} value={result.total} />
              <Statistic title={t('imports.created')} value={result.created} />
              <Statistic title={t('imports.updated')} value={result.updated} />
              <Statistic
                title={t('imports.errorCount')}
                value={new Set(result.errors.map((e) => e.row)).size}
                styles={{ content: { color: result.errors.length ? '#cf1322' : undefined } }}
              />
            </Flex>
          )}
          {result.errors.length === 0 ? (
            <Alert type="success" showIcon title={t('imports.noErrors')} />
          ) : (
            <Table
              size="small"
              rowKey={(e) => `${e.row}/${e.column}/${e.code}`}
              dataSource={result.errors}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              columns={[
                { dataIndex: 'row', title: t('imports.row'), width: 80 },
                { dataIndex: 'column', title: t('imports.column'), render: (v) => v ?? t('common.none') },
                { dataIndex: 'code', title: t('imports.code'), render: (v) => <code>{v}</code> },
                { dataIndex: 'message', title: t('imports.message') },
              ]}
            />
          )}
        </Card>
      ) : null}
    </Flex>
  );
}
