import type { completionCodeSent, WorkOrder } from '@aftercare/contracts';
import { Button, Card, Divider, Input, NoticeBar, Toast } from 'antd-mobile';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { currentLanguage } from '../../i18n/index.ts';
import { timeText } from './field-helpers.ts';
import { SignaturePad, type SignaturePadHandle } from './SignaturePad.tsx';
import { useMobileStep } from './use-mobile-step.ts';
import { useOpenVisit } from './VisitPanel.tsx';

type CodeSent = z.infer<typeof completionCodeSent>;

/**
 * Completion is verified: a one-time code the server texts to the customer (never shown here), typed
 * in by the technician; or the customer's signature drawn on the screen.
 */
export function CompletePanel({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const { run, pendingPath } = useMobileStep(order);
  const [sent, setSent] = useState<CodeSent | null>(null);
  const [code, setCode] = useState('');
  const pad = useRef<SignaturePadHandle>(null);
  const [padEmpty, setPadEmpty] = useState(true);
  // Required checklist items not yet saved as done: the server refuses completion until they are.
  const visit = useOpenVisit(order.id);
  const lang = currentLanguage();
  const missing = (visit?.checklist ?? []).filter((c) => c.required && !c.done).map((c) => c.name[lang]);

  const signAndComplete = () => {
    const signature = pad.current?.toDataUrl();
    if (!signature) {
      Toast.show({ content: t('field.m.signatureEmpty') });
      return;
    }
    run('complete', { signature }, t('field.m.completed'));
  };

  return (
    <Card title={t('field.m.complete')} style={{ marginBottom: 10 }} data-testid="complete-panel">
      {missing.length > 0 ? (
        <NoticeBar
          color="alert"
          wrap
          content={t('field.m.missing', { items: missing.join(lang === 'zh-CN' ? '、' : ', ') })}
          style={{ marginBottom: 10 }}
          data-testid="checklist-missing"
        />
      ) : null}
      <Button
        block
        color="primary"
        fill={sent ? 'outline' : 'solid'}
        loading={pendingPath === 'completion-code'}
        onClick={() => run<CodeSent>('completion-code', {}, undefined, setSent)}
        data-testid="send-code"
      >
        {t('field.m.sendCode')}
      </Button>
      {sent ? (
        <div style={{ color: '#666', fontSize: 13, margin: '8px 0' }} data-testid="code-sent">
          {t('field.m.codeSent', { to: sent.sentTo, at: timeText(sent.expiresAt) })}
        </div>
      ) : null}
      <div style={{ display: 'flex', gap: 8, marginTop: 10, alignItems: 'center' }}>
        <Input
          value={code}
          onChange={(v) => setCode(v.replace(/\D/g, '').slice(0, 8))}
          placeholder={t('field.m.code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          style={{
            flex: 1,
            border: '1px solid #ddd',
            borderRadius: 6,
            padding: '6px 10px',
            '--font-size': '18px',
            letterSpacing: 4,
          }}
          data-testid="completion-code"
        />
        <Button
          color="success"
          disabled={code.length < 4}
          loading={pendingPath === 'complete'}
          onClick={() => run('complete', { code }, t('field.m.completed'))}
          data-testid="complete-code"
        >
          {t('field.m.completeWithCode')}
        </Button>
      </div>
      <Divider>{t('field.m.orSign')}</Divider>
      <div style={{ color: '#999', fontSize: 12, marginBottom: 4 }}>{t('field.m.signHere')}</div>
      <SignaturePad ref={pad} onChange={setPadEmpty} />
      <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
        <Button style={{ flex: 1 }} onClick={() => pad.current?.clear()} disabled={padEmpty}>
          {t('field.m.clear')}
        </Button>
        <Button
          style={{ flex: 2 }}
          color="success"
          disabled={padEmpty}
          loading={pendingPath === 'complete'}
          onClick={signAndComplete}
          data-testid="complete-signature"
        >
          {t('field.m.completeWithSignature')}
        </Button>
      </div>
    </Card>
  );
}
