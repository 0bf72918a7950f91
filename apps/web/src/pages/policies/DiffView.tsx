import { Alert, Drawer, Flex, Skeleton, Tag, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePolicyPackDiff } from '../../api/policies.ts';
import { type DiffLine, diffLines } from './policy-text.ts';

export const MONOSPACE = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace";

/** A unified diff with added lines green, removed lines red, and the old and new line numbers. */
export function DiffView({ unified }: { unified: string }) {
  const { token } = theme.useToken();
  const { t } = useTranslation();
  const lines = diffLines(unified).filter((l) => l.kind !== 'header');
  if (lines.length === 0) return <Alert type="info" showIcon title={t('policies.noChanges')} />;
  const style = (l: DiffLine) => {
    if (l.kind === 'add') return { background: token.colorSuccessBg, color: token.colorSuccessText };
    if (l.kind === 'del') return { background: token.colorErrorBg, color: token.colorErrorText };
    if (l.kind === 'hunk') return { background: token.colorFillTertiary, color: token.colorTextSecondary };
    return {};
  };
  const num = { width: 44, textAlign: 'right' as const, paddingRight: 8, color: token.colorTextQuaternary };
  return (
    <pre
      data-testid="policy-diff"
      style={{
        fontFamily: MONOSPACE,
        fontSize: 12,
        lineHeight: 1.6,
        margin: 0,
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadius,
        overflow: 'auto',
      }}
    >
      {lines.map((l) => (
        // Each line is unique by its kind and numbers (a hunk header by its text).
        <div
          key={`${l.kind}:${l.oldLine ?? ''}:${l.newLine ?? ''}:${l.kind === 'hunk' ? l.text : ''}`}
          data-kind={l.kind}
          style={{ display: 'flex', ...style(l) }}
        >
          <span style={num}>{l.oldLine ?? ''}</span>
          <span style={num}>{l.newLine ?? ''}</span>
          <span style={{ width: 16 }}>{l.kind === 'add' ? '+' : l.kind === 'del' ? '-' : ' '}</span>
          <span style={{ whiteSpace: 'pre' }}>{l.text}</span>
        </div>
      ))}
    </pre>
  );
}

/** The changes of one version against the active version, in a drawer. */
export function DiffDrawer(props: { packId: string; version: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const diff = usePolicyPackDiff(props.packId, props.version);
  const d = diff.data;
  return (
    <Drawer
      open={props.version !== null}
      size={960}
      onClose={props.onClose}
      title={`${props.packId} · ${t('policies.diff')}`}
    >
      {!d ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={12}>
          <Flex gap={8} align="center" wrap>
            <Typography.Text strong>
              {d.against === null
                ? t('policies.diffAgainstNone', { version: d.version })
                : t('policies.diffTitle', { version: d.version, against: d.against })}
            </Typography.Text>
            <Tag color="success">{t('policies.added', { count: d.added })}</Tag>
            <Tag color="error">{t('policies.removed', { count: d.removed })}</Tag>
          </Flex>
          <DiffView unified={d.unified} />
        </Flex>
      )}
    </Drawer>
  );
}
