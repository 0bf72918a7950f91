import type { chargeList, WorkOrder } from '@aftercare/contracts';
import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { Button, Card, Stepper } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { parts as catalogParts } from '../../api/catalog.ts';
import { useOrderPart } from '../../api/work-orders.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { newest, type QuoteLineInput, quoteBodyOf, yuan } from './field-helpers.ts';
import { SuggestInput } from './job-parts.tsx';
import { useMobileStep } from './use-mobile-step.ts';

export type Charge = z.infer<typeof chargeList>['items'][number];

/** The itemized lines of a quote or receipt: what each costs, what the warranty covers, what is payable. */
export function ChargeLines({ charge }: { charge: Charge }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const cell = { padding: '4px 0', fontSize: 13 } as const;
  return (
    <table style={{ width: '100%', borderCollapse: 'collapse' }} data-testid="charge-lines">
      <thead>
        <tr style={{ color: '#999', fontSize: 12, textAlign: 'right' }}>
          <th style={{ textAlign: 'left', fontWeight: 'normal' }} />
          <th style={{ fontWeight: 'normal' }}>{t('field.m.covered')}</th>
          <th style={{ fontWeight: 'normal' }}>{t('field.m.payable')}</th>
        </tr>
      </thead>
      <tbody>
        {charge.lines.map((l) => (
          <tr key={`${l.kind}-${l.code}`} style={{ borderTop: '1px solid #f0f0f0' }}>
            <td style={cell}>
              {l.name[lang]}
              <div style={{ color: '#999', fontSize: 12 }}>
                {yuan(l.unitFen)} × {l.quantity}
              </div>
            </td>
            <td style={{ ...cell, textAlign: 'right', color: l.coveredFen > 0 ? '#00b578' : '#999' }}>
              {yuan(l.coveredFen)}
            </td>
            <td style={{ ...cell, textAlign: 'right' }}>{yuan(l.payableFen)}</td>
          </tr>
        ))}
        <tr style={{ borderTop: '1px solid #ddd' }}>
          <td style={{ ...cell, fontWeight: 600 }}>{t('field.m.total')}</td>
          <td style={{ ...cell, textAlign: 'right', color: '#00b578' }}>{yuan(charge.coveredFen)}</td>
          <td style={{ ...cell, textAlign: 'right', fontWeight: 600, fontSize: 15 }} data-testid="charge-payable">
            {yuan(charge.payableFen)}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

function LineEditor(props: {
  title: string;
  placeholder: string;
  rows: QuoteLineInput[];
  onChange: (rows: QuoteLineInput[]) => void;
  options: readonly { value: string; label: string }[];
  testId: string;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: QuoteLineInput) =>
    props.onChange(props.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div style={{ marginBottom: 12 }}>
      <div style={{ color: '#666', marginBottom: 6 }}>{props.title}</div>
      {props.rows.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity before they are sent
        <div key={i} style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 6 }}>
          <div style={{ flex: 1 }}>
            <SuggestInput
              id={props.testId}
              value={r.code ?? ''}
              onChange={(v) => set(i, { code: v })}
              options={props.options}
              placeholder={props.placeholder}
              maxLength={60}
              testId={`${props.testId}-code-${i}`}
            />
          </div>
          <Stepper min={1} max={99} value={r.quantity ?? 1} onChange={(v) => set(i, { quantity: v })} />
        </div>
      ))}
      <Button size="mini" fill="outline" onClick={() => props.onChange([...props.rows, { code: '', quantity: 1 }])}>
        + {t('field.m.addLine')}
      </Button>
    </div>
  );
}

/** Quote from the fee standard (items) and the catalog (parts); the customer decides on this screen. */
export function QuotePanel({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const charges = useOrderPart<z.infer<typeof chargeList>>(order.id, 'charges', true);
  const quote = newest((charges.data?.items ?? []).filter((c) => c.kind === 'quote' && c.status !== 'superseded'));
  const [items, setItems] = useState<QuoteLineInput[]>([{ code: '', quantity: 1 }]);
  const [parts, setParts] = useState<QuoteLineInput[]>([]);
  const { run, pendingPath } = useMobileStep(order);
  // Part codes from the brand's catalog for the order's category; fee items have no list to read.
  const category = order.product?.categoryCode ?? order.categoryCode ?? undefined;
  const catalog = catalogParts.useList({
    brandId: order.brandId,
    categoryCode: category,
    status: 'active',
    pageSize: 200,
  });
  const partOptions = (catalog.data?.items ?? []).map((p) => ({
    value: p.code,
    label: `${p.name} ${yuan(p.priceFen)}`,
  }));
  const body = quoteBodyOf(items, parts);
  const empty = body.items.length + body.parts.length === 0;

  return (
    <Card title={t('field.m.quote')} style={{ marginBottom: 10 }} data-testid="quote-panel">
      {quote ? (
        <div style={{ marginBottom: 12 }}>
          <ChargeLines charge={quote} />
          {quote.status === 'accepted' ? (
            <div style={{ color: '#00b578', marginTop: 8 }}>
              <CheckCircleOutlined /> {t('field.m.quoteAccepted')}
            </div>
          ) : null}
          {quote.status === 'declined' ? (
            <div style={{ color: '#ff3141', marginTop: 8 }}>
              <CloseCircleOutlined /> {t('field.m.quoteDeclined')}
            </div>
          ) : null}
          {quote.status === 'proposed' && order.actions.includes('quote_decision') ? (
            <div style={{ display: 'flex', gap: 8, marginTop: 10 }}>
              <Button
                style={{ flex: 1 }}
                color="success"
                loading={pendingPath === 'quote/decision'}
                onClick={() => run('quote/decision', { accept: true }, t('field.m.quoteAccepted'))}
                data-testid="quote-accept"
              >
                {t('field.m.customerAccepts')}
              </Button>
              <Button
                style={{ flex: 1 }}
                onClick={() => run('quote/decision', { accept: false }, t('field.m.quoteDeclined'))}
                data-testid="quote-decline"
              >
                {t('field.m.customerDeclines')}
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}
      {order.actions.includes('quote') ? (
        <>
          <LineEditor
            title={t('field.m.quoteItems')}
            placeholder={t('field.m.itemCode')}
            rows={items}
            onChange={setItems}
            options={[]}
            testId="quote-item"
          />
          <LineEditor
            title={t('field.m.quoteParts')}
            placeholder={t('field.m.partCode')}
            rows={parts}
            onChange={setParts}
            options={partOptions}
            testId="quote-part"
          />
          <Button
            block
            color="primary"
            fill="outline"
            disabled={empty}
            loading={pendingPath === 'quote'}
            onClick={() => run('quote', body, t('field.m.quoted'))}
            data-testid="quote-submit"
          >
            {t('field.m.makeQuote')}
          </Button>
        </>
      ) : null}
    </Card>
  );
}
