import type { WorkOrder } from '@aftercare/contracts';
import { Empty, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { type Offers, useApiRoutes, useOrderPart, useWorkOrder } from '../../api/work-orders.ts';
import { formatDateTime } from '../../components/format.ts';
import { EnumTag } from '../../components/labels.tsx';
import { formatFen } from '../../components/money.ts';
import { useBrandNames, useCategoryNames } from '../../components/pickers.tsx';
import { RecordPage, RecordSection } from '../../components/RecordPage.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { VerdictDetails } from '../products/WarrantyVerdict.tsx';
import { OrderActions } from './OrderActions.tsx';
import { OrderMilestones } from './OrderMilestones.tsx';
import { OrderTimeline } from './OrderTimeline.tsx';
import { OrderFlags, OrderStatusTag } from './order-labels.tsx';
import { hasRoute } from './order-values.ts';

type Localized = { 'zh-CN': string; 'en-US': string };
interface Appointment {
  id: string;
  start: string;
  end: string;
  status: string;
  requestedBy: string;
  reason: string | null;
  createdAt: string;
}
interface Visit {
  id: string;
  technician: { id: string; name: string };
  checkedInAt: string;
  checkedOutAt: string | null;
  distanceM: number | null;
  checklist: { id: string; name: Localized; required: boolean; done: boolean }[];
  diagnosis: string | null;
  faultCode: string | null;
  cause: string | null;
  partsUsed: string | null;
  photos: { url: string }[];
  outcome: string | null;
  signed: boolean;
}
interface Charge {
  id: string;
  kind: 'quote' | 'receipt';
  status: string;
  lines: { code: string; name: Localized; quantity: number; payableFen: number }[];
  totalFen: number;
  coveredFen: number;
  payableFen: number;
  createdAt: string;
}

/** One work order: header with status and steps, the parties, the intake verdict, hand-offs, visits, timeline. */
export default function OrderPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { data: o, isLoading, isError } = useWorkOrder(id);
  const brandName = useBrandNames();

  return (
    <RecordPage
      testId="order-page"
      back={{ to: '/orders', label: t('orders.back') }}
      loading={isLoading}
      missing={isError || !o ? t('orders.notFound') : null}
      title={o?.number}
      tags={
        o ? (
          <>
            <OrderStatusTag status={o.status} />
            <Tag>{t(`orders.types.${o.type}`)}</Tag>
            {o.flags.length || o.priority === 'urgent' ? <OrderFlags order={o} /> : null}
          </>
        ) : null
      }
      actions={o ? <OrderActions order={o} /> : null}
      items={
        o
          ? [
              { key: 'brand', label: t('orders.brand'), children: brandName(o.brandId) },
              { key: 'channel', label: t('orders.channel'), children: t(`orders.channels.${o.channel}`) },
              { key: 'priority', label: t('orders.priority'), children: t(`orders.priorities.${o.priority}`) },
              { key: 'created', label: t('orders.createdAt'), children: formatDateTime(o.createdAt) },
              { key: 'outlet', label: t('orders.outlet'), children: o.outlet?.name ?? t('common.none') },
              {
                key: 'technician',
                label: t('orders.technician'),
                children: o.technician
                  ? [o.technician.name, o.technician.licenceNo, o.technician.phone].filter(Boolean).join(' · ')
                  : t('common.none'),
              },
              {
                key: 'offer',
                label: t('orders.offerExpiresAt'),
                children: formatDateTime(o.offerExpiresAt),
              },
              { key: 'handoffs', label: t('orders.handoffs'), children: o.handoffs },
              {
                key: 'disposition',
                label: t('orders.disposition'),
                children: o.disposition
                  ? (t as unknown as (k: string, d: object) => string)(`orders.dispositions.${o.disposition}`, {
                      defaultValue: o.disposition,
                    })
                  : t('common.none'),
              },
              {
                key: 'linked',
                label: t('orders.linkedOrder'),
                children: o.linkedOrderId ? (
                  <Link to={`/orders/${o.linkedOrderId}`}>{o.linkedOrderId.slice(0, 8)}</Link>
                ) : (
                  t('common.none')
                ),
              },
              {
                key: 'completion',
                label: t('orders.completion'),
                children: o.completionMethod ? t(`orders.completionMethods.${o.completionMethod}`) : t('common.none'),
              },
              { key: 'resolved', label: t('orders.resolvedAt'), children: formatDateTime(o.resolvedAt) },
            ]
          : []
      }
    >
      {o ? (
        <>
          <OrderParty order={o} />
          <RecordSection title={t('orders.verdictTitle')} testId="order-verdict">
            {o.verdict ? (
              <VerdictDetails verdict={o.verdict} pack={o.pack ?? o.verdict.pack} />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.noVerdict')} />
            )}
          </RecordSection>
          <OrderMilestones order={o} />
          <OrderParts order={o} />
          <OrderTimeline id={o.id} />
        </>
      ) : null}
    </RecordPage>
  );
}

/** Customer, contact (phone as the server gives it: masked without pii.phone), product, address, fault. */
function OrderParty({ order: o }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const categoryName = useCategoryNames();
  const category = o.product?.categoryCode ?? o.categoryCode;
  const none = t('common.none');
  const rows = [
    {
      k: 'customer',
      label: t('orders.customer'),
      value: <Link to={`/customers/${o.customer.id}`}>{o.customer.name}</Link>,
    },
    { k: 'contact', label: t('orders.contact'), value: `${o.contactName} ${o.contactPhone}` },
    {
      k: 'product',
      label: t('orders.product'),
      value: o.product ? (
        <Link to={`/products/${o.product.id}`}>
          {[category ? categoryName(category, o.brandId) : null, o.product.modelCode, o.product.serial]
            .filter(Boolean)
            .join(' · ')}
        </Link>
      ) : category ? (
        categoryName(category, o.brandId)
      ) : (
        none
      ),
    },
    {
      k: 'address',
      label: t('orders.address'),
      value: (
        <>
          {o.address.divisionName ?? o.address.divisionCode} {o.address.detail}{' '}
          <EnumTag kind="urbanRural" value={o.address.urbanRural} />
        </>
      ),
    },
    { k: 'fault', label: t('orders.fault'), value: o.faultDescription ?? none },
    {
      k: 'codes',
      label: t('orders.faultCodes'),
      value: o.faultCodes.length ? o.faultCodes.map((c) => <Tag key={c}>{c}</Tag>) : none,
    },
    {
      k: 'windows',
      label: t('orders.windows'),
      value: o.preferredWindows.length
        ? o.preferredWindows.map((w) => `${formatDateTime(w.start)} – ${formatDateTime(w.end)}`).join('；')
        : none,
    },
  ];
  return (
    <RecordSection title={t('orders.panels.customer')} testId="order-customer">
      <Table
        size="small"
        pagination={false}
        showHeader={false}
        rowKey="k"
        dataSource={rows}
        columns={[
          {
            dataIndex: 'label',
            width: 160,
            render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text>,
          },
          { dataIndex: 'value' },
        ]}
      />
    </RecordSection>
  );
}

/** Offers, appointments, visits and charges: each shown once the server has its route. */
function OrderParts({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const routes = useApiRoutes().data;
  const routed = (what: string) => hasRoute(routes, `GET /work-orders/:id/${what}`);
  // The hand-off history is the dispatchers' (orders.dispatch); others are not asked.
  const { data: me } = useMe();
  const dispatcher = Boolean(me?.capabilities.includes('orders.dispatch'));
  const offers = useOrderPart<Offers>(order.id, 'offers', routed('offers') && dispatcher);
  const appointments = useOrderPart<{ items: Appointment[] }>(order.id, 'appointments', routed('appointments'));
  const visits = useOrderPart<{ items: Visit[] }>(order.id, 'visits', routed('visits'));
  const charges = useOrderPart<{ items: Charge[] }>(order.id, 'charges', routed('charges'));
  // A part is shown when routed and readable by the caller (an agent may not read the hand-offs).
  const parts = { offers, appointments, visits, charges };
  const has = (what: keyof typeof parts) => routed(what) && !parts[what].isError && (what !== 'offers' || dispatcher);
  const lang = currentLanguage();
  const label = (key: string, fallback: string) =>
    (t as unknown as (k: string, d: object) => string)(key, { defaultValue: fallback });
  return (
    <>
      {has('offers') ? (
        <RecordSection title={`${t('orders.panels.offers')} (${order.handoffs})`} testId="order-offers">
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            loading={offers.isLoading}
            dataSource={offers.data?.items ?? []}
            locale={{ emptyText: t('orders.empty') }}
            columns={[
              { key: 'outlet', title: t('orders.outlet'), render: (_, f) => `${f.outlet.name} (${f.outlet.code})` },
              {
                dataIndex: 'source',
                title: t('dispatch.source'),
                render: (v: string) => t(`dispatch.sources.${v as 'auto'}`),
              },
              {
                dataIndex: 'status',
                title: t('orders.status'),
                render: (v: string) => t(`dispatch.offerStatuses.${v as 'pending'}`),
              },
              {
                dataIndex: 'reason',
                title: t('orders.form.reason'),
                render: (v: string | null) => v ?? t('common.none'),
              },
              { dataIndex: 'offeredAt', title: t('dispatch.offeredAt'), render: formatDateTime },
              { dataIndex: 'expiresAt', title: t('orders.offerExpiresAt'), render: formatDateTime },
              { dataIndex: 'respondedAt', title: t('dispatch.respondedAt'), render: formatDateTime },
            ]}
          />
        </RecordSection>
      ) : null}
      {has('appointments') ? (
        <RecordSection title={t('orders.panels.appointments')} testId="order-appointments">
          <Table<Appointment>
            size="small"
            rowKey="id"
            pagination={false}
            loading={appointments.isLoading}
            dataSource={appointments.data?.items ?? []}
            locale={{ emptyText: t('orders.empty') }}
            columns={[
              {
                key: 'window',
                title: t('orders.form.window'),
                render: (_, a) => `${formatDateTime(a.start)} – ${formatDateTime(a.end)}`,
              },
              {
                dataIndex: 'status',
                title: t('orders.status'),
                render: (v: string) => label(`orders.appointmentStatuses.${v}`, v),
              },
              {
                dataIndex: 'requestedBy',
                title: t('orders.form.requestedBy'),
                render: (v: string) =>
                  (t as unknown as (k: string, d: object) => string)(`orders.requestedBy.${v}`, { defaultValue: v }),
              },
              {
                dataIndex: 'reason',
                title: t('orders.form.reason'),
                render: (v: string | null) => v ?? t('common.none'),
              },
              { dataIndex: 'createdAt', title: t('common.createdAt'), render: formatDateTime },
            ]}
          />
        </RecordSection>
      ) : null}
      {has('visits') ? (
        <RecordSection title={t('orders.panels.visits')} testId="order-visits">
          <Table<Visit>
            size="small"
            rowKey="id"
            pagination={false}
            loading={visits.isLoading}
            dataSource={visits.data?.items ?? []}
            locale={{ emptyText: t('orders.empty') }}
            columns={[
              { key: 'tech', title: t('orders.technician'), render: (_, v) => v.technician.name },
              { dataIndex: 'checkedInAt', title: t('orders.visit.in'), render: formatDateTime },
              { dataIndex: 'checkedOutAt', title: t('orders.visit.out'), render: formatDateTime },
              {
                dataIndex: 'distanceM',
                title: t('orders.visit.distance'),
                render: (v: number | null) => (v === null ? t('common.none') : `${v} m`),
              },
              {
                key: 'checklist',
                title: t('orders.visit.checklist'),
                render: (_, v) => (
                  <span title={v.checklist.map((c) => `${c.done ? '✓' : '✗'} ${c.name[lang]}`).join('\n')}>
                    {v.checklist.filter((c) => c.done).length}/{v.checklist.length}
                  </span>
                ),
              },
              {
                key: 'diagnosis',
                title: t('orders.visit.diagnosis'),
                render: (_, v) => [v.faultCode, v.diagnosis, v.cause].filter(Boolean).join(' · ') || t('common.none'),
              },
              {
                dataIndex: 'partsUsed',
                title: t('orders.visit.parts'),
                render: (v: string | null) => v ?? t('common.none'),
              },
              { key: 'photos', title: t('orders.visit.photos'), render: (_, v) => v.photos.length },
            ]}
          />
        </RecordSection>
      ) : null}
      {has('charges') ? (
        <RecordSection title={t('orders.panels.charges')} testId="order-charges">
          <Table<Charge>
            size="small"
            rowKey="id"
            pagination={false}
            loading={charges.isLoading}
            dataSource={charges.data?.items ?? []}
            locale={{ emptyText: t('orders.empty') }}
            columns={[
              {
                dataIndex: 'kind',
                title: t('orders.charge.kind'),
                render: (v: Charge['kind']) => t(`orders.charge.kinds.${v}`),
              },
              {
                dataIndex: 'status',
                title: t('orders.status'),
                render: (v: string) => label(`orders.chargeStatuses.${v}`, v),
              },
              {
                key: 'lines',
                title: t('orders.charge.lines'),
                render: (_, c) => c.lines.map((l) => `${l.name[lang]}×${l.quantity}`).join('、'),
              },
              { dataIndex: 'totalFen', title: t('orders.charge.total'), render: formatFen },
              { dataIndex: 'coveredFen', title: t('orders.charge.covered'), render: formatFen },
              { dataIndex: 'payableFen', title: t('orders.charge.payable'), render: formatFen },
              { dataIndex: 'createdAt', title: t('common.createdAt'), render: formatDateTime },
            ]}
          />
        </RecordSection>
      ) : null}
    </>
  );
}
