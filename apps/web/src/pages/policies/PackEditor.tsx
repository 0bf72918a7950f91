import type { PolicyPackError } from '@aftercare/contracts';
import { CheckCircleOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Flex, Input, List, Skeleton, Space, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { usePolicyPackVersion, useSaveDraft, useValidatePack } from '../../api/policies.ts';
import { MONOSPACE } from './DiffView.tsx';
import { withVersion } from './policy-text.ts';

export type EditorTarget =
  /** Read a stored version (the text is not editable). */
  | { mode: 'view'; version: number }
  /** A new draft starting from a stored version's text, numbered `next`. */
  | { mode: 'draft'; from: number; next: number };

/**
 * The YAML text of a pack version: read-only for a stored version, or a new draft started from one.
 * Validate shows the errors by line (a click selects the line); Save draft stores a new version.
 */
export function PackEditor(props: {
  packId: string;
  target: EditorTarget | null;
  onClose: () => void;
  onSaved?: (version: number) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { target } = props;
  const stored = usePolicyPackVersion(
    props.packId,
    target ? (target.mode === 'view' ? target.version : target.from) : null,
  );
  const validate = useValidatePack();
  const save = useSaveDraft(props.packId);
  const [source, setSource] = useState('');
  const [errors, setErrors] = useState<PolicyPackError[] | null>(null);
  const [valid, setValid] = useState<string | null>(null);
  const area = useRef<TextAreaRef>(null);
  const readOnly = target?.mode === 'view';

  // A new target starts from the stored text (a draft gets the next version number).
  const loaded = stored.data?.source;
  useEffect(() => {
    setErrors(null);
    setValid(null);
    if (loaded === undefined || !target) return;
    setSource(target.mode === 'draft' ? withVersion(loaded, target.next) : loaded);
  }, [loaded, target]);

  const showErrors = (list: PolicyPackError[]) => {
    setValid(null);
    setErrors(list);
  };

  const onValidate = async () => {
    const r = await validate.mutateAsync(source);
    if (r.ok && r.pack) {
      setErrors(null);
      setValid(t('policies.valid', { id: r.pack.id, version: r.pack.version, from: r.pack.effectiveFrom }));
    } else showErrors(r.errors);
  };

  const onSave = async () => {
    try {
      const v = await save.mutateAsync(source);
      void message.success(t('policies.saved', { version: v.version }));
      props.onSaved?.(v.version);
      props.onClose();
    } catch (e) {
      const details = e instanceof ApiError ? (e.details as { errors?: PolicyPackError[] } | undefined) : undefined;
      if (details?.errors?.length) showErrors(details.errors);
      if (e instanceof ApiError) void message.error(e.detail);
    }
  };

  /** Puts the cursor on the line an error names. */
  const goTo = (line: number) => {
    const el = area.current?.resizableTextArea?.textArea;
    if (!el) return;
    const lines = source.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    el.focus();
    el.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  };

  const title = !target
    ? ''
    : target.mode === 'view'
      ? `${props.packId} · ${t('policies.versionN', { version: target.version })}`
      : t('policies.editorTitle', { id: props.packId });

  return (
    <Drawer
      open={target !== null}
      size={960}
      title={title}
      onClose={props.onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button
            icon={<CheckCircleOutlined />}
            loading={validate.isPending}
            onClick={onValidate}
            data-testid="policy-validate"
          >
            {t('policies.validate')}
          </Button>
          {readOnly ? null : (
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={save.isPending}
              onClick={onSave}
              data-testid="policy-save"
            >
              {t('policies.saveDraft')}
            </Button>
          )}
        </Space>
      }
    >
      {stored.isLoading ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={12}>
          {readOnly ? null : <Alert type="info" showIcon title={t('policies.editorHint')} />}
          {valid ? <Alert type="success" showIcon title={valid} data-testid="policy-valid" /> : null}
          {errors?.length ? (
            <Alert
              type="error"
              showIcon
              data-testid="policy-errors"
              title={t('policies.errorCount', { count: errors.length })}
              description={
                <List
                  size="small"
                  dataSource={errors}
                  renderItem={(e) => (
                    <List.Item style={{ cursor: 'pointer', paddingInline: 0 }} onClick={() => goTo(e.line)}>
                      <Typography.Text>
                        <Typography.Text strong>
                          {t('policies.errorAt', { line: e.line, column: e.column })}
                        </Typography.Text>
                        {e.path ? <Typography.Text code>{e.path}</Typography.Text> : null} {e.message}
                      </Typography.Text>
                    </List.Item>
                  )}
                />
              }
            />
          ) : null}
          <Input.TextArea
            ref={area}
            value={source}
            readOnly={readOnly}
            aria-label={t('policies.source')}
            data-testid="policy-source"
            spellCheck={false}
            onChange={(e) => {
              setSource(e.target.value);
              setValid(null);
            }}
            // A fixed height that scrolls inside, so the errors above it stay in view.
            style={{
              fontFamily: MONOSPACE,
              fontSize: 13,
              whiteSpace: 'pre',
              overflowX: 'auto',
              height: '62vh',
              resize: 'vertical',
            }}
          />
        </Flex>
      )}
    </Drawer>
  );
}
