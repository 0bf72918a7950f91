import type { WorkOrder } from '@aftercare/contracts';
import { PhoneOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Form, Input, Row, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { lookupCustomers, useCustomerProducts } from '../../api/customers.ts';
import { type IntakeResult, useApiRoutes, useFaultCodes, useIntake } from '../../api/work-orders.ts';
import { applyServerErrors } from '../../components/FormDrawer.tsx';
import { useCategoryNames } from '../../components/pickers.tsx';
import { primaryAddress } from '../customers/customer-values.ts';
import { WarrantyVerdict } from '../products/WarrantyVerdict.tsx';
import { DeskCustomer, type Found, type Picked } from './DeskCustomer.tsx';
import { DeskMatches } from './DeskMatches.tsx';
import { DeskProduct } from './DeskProduct.tsx';
import { DeskRequest } from './DeskRequest.tsx';
import { SavedNotice } from './DeskSaved.tsx';
import {
  closesOnCall,
  type DeskValues,
  hasRoute,
  type IdempotencyState,
  idempotencyFor,
  intakeBodyOf,
  lookupOrder,
  NO_PRODUCT,
} from './order-values.ts';

type Duplicate = { orders: { id: string; number: string; status: string }[] };

/** The agent desk: who is calling, what for, the verdict before saving; one save, ready for the next call. */
export default function DeskPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [form] = Form.useForm<DeskValues>();
  const lookupRef = useRef<{ focus: () => void } | null>(null);
  const [lookupText, setLookupText] = useState('');
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<Found[] | null>(null);
  const [picked, setPicked] = useState<Picked>(null);
  const [lookupError, setLookupError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState<Duplicate | null>(null);
  const [saved, setSaved] = useState<IntakeResult | null>(null);
  const idem = useRef<IdempotencyState | null>(null);
  const intake = useIntake();
  const routes = useApiRoutes();
  const _categoryName = useCategoryNames();

  const customer = picked?.kind === 'existing' ? picked.found.customer : null;
  // The brand has a field only for a new customer; a picked customer's brand is a plain store value.
  const brandId = Form.useWatch('brandId', { form, preserve: true }) as string | undefined;
  const productId = Form.useWatch('productId', form);
  const type = Form.useWatch('type', form);
  const resolvedOnCall = Form.useWatch('resolvedOnCall', form);
  const windows = Form.useWatch('windows', form) ?? [];
  // The lookup lists the customer's products; the full list comes from the products API.
  const productsQuery = useCustomerProducts(customer?.id);
  // The list keeps its previous page while loading: only the picked customer's products count.
  const products =
    picked?.kind === 'existing'
      ? (productsQuery.data?.items.filter((p) => p.customerId === picked.found.customer.id) ?? picked.found.products)
      : [];
  const faultCodesListed = hasRoute(routes.data, 'GET /fault-codes');
  const categoryCode = Form.useWatch('categoryCode', form);
  const pickedCategory =
    productId && productId !== NO_PRODUCT ? products.find((p) => p.id === productId)?.categoryCode : categoryCode;
  const faultCodes = useFaultCodes(brandId, pickedCategory, faultCodesListed);
  // Without a code list (no route, or it failed) codes are typed freely and upper-cased.
  const faultCodesRouted = faultCodesListed && !faultCodes.isError;
  const faultRef = useRef<{ focus: () => void } | null>(null);
  const defaultBrand = me?.scope.brandIds.length === 1 ? me.scope.brandIds[0] : undefined;

  useEffect(() => lookupRef.current?.focus(), []);

  const initialValues: DeskValues = useMemo(
    () => ({ type: 'repair', channel: 'phone', priority: 'normal', windows: [null], brandId: defaultBrand }),
    [defaultBrand],
  );

  const clearResult = () => {
    setError(null);
    setDuplicate(null);
  };

  const pick = (f: Found, serial?: string) => {
    clearResult();
    setSaved(null);
    setPicked({ kind: 'existing', found: f });
    const a = primaryAddress(f.customer);
    const bySerial = serial ? f.products.find((p) => p.serial?.toUpperCase() === serial.toUpperCase()) : undefined;
    const only = f.products.length === 1 ? f.products[0] : undefined;
    form.setFieldsValue({
      brandId: f.customer.brandId,
      productId: (bySerial ?? only)?.id,
      categoryCode: undefined,
      address: a ? { divisionCode: a.divisionCode, detail: a.detail } : { divisionCode: null, detail: '' },
    });
  };

  const startNew = (phone?: string) => {
    clearResult();
    setSaved(null);
    setPicked({ kind: 'new' });
    form.setFieldsValue({
      productId: NO_PRODUCT,
      brandId: form.getFieldValue('brandId') ?? defaultBrand,
      newCustomer: { phone: phone ?? '', name: '', divisionCode: null, addressDetail: '' },
      address: { divisionCode: null, detail: '' },
    });
  };

  const lookup = async (raw: string) => {
    const text = raw.trim();
    if (!text) return;
    setBusy(true);
    setLookupError(null);
    setSaved(null);
    try {
      let hits: Found[] = [];
      let by: 'phone' | 'serial' = 'phone';
      for (const kind of lookupOrder(text)) {
        by = kind;
        hits = (await lookupCustomers(kind === 'phone' ? { phone: text } : { serial: text })).customers;
        if (hits.length) break;
      }
      setFound(hits);
      if (hits.length === 1) {
        pick(hits[0]!, by === 'serial' ? text : undefined);
        // Keyboard flow: the caller is known, type what is wrong.
        setTimeout(() => faultRef.current?.focus(), 0);
      } else setPicked(null);
    } catch (err) {
      setFound(null);
      setLookupError(err instanceof ApiError ? err.detail : String(err));
    } finally {
      setBusy(false);
    }
  };

  const resetForNextCall = () => {
    form.resetFields();
    setPicked(null);
    setFound(null);
    setLookupText('');
    clearResult();
    idem.current = null;
    lookupRef.current?.focus();
  };

  const submit = async (onDuplicate?: 'link' | 'create') => {
    clearResult();
    const values = form.getFieldsValue(true) as DeskValues;
    if (!picked) {
      setError(t('desk.needCustomer'));
      return;
    }
    const body = intakeBodyOf(values, customer?.id ?? null, onDuplicate);
    idem.current = idempotencyFor(idem.current, body);
    try {
      const r = await intake.mutateAsync({ body, key: idem.current.key });
      setSaved(r);
      resetForNextCall();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.code === 'WORK_ORDER_DUPLICATE') {
        const details = err.details as { openOrders?: Duplicate['orders'] } | undefined;
        setDuplicate({ orders: details?.openOrders ?? [] });
        return;
      }
      const rest = applyServerErrors(form, err);
      setError([rest.detail, ...rest.rest.map((r) => r.message)].join(' '));
    }
  };

  const isCallOnly = closesOnCall(type);
  const selectedProduct = productId && productId !== NO_PRODUCT ? productId : null;

  return (
    <Flex vertical gap={16} data-testid="desk-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('desk.title')}
      </Typography.Title>
      {saved ? <SavedNotice result={saved} onClose={() => setSaved(null)} /> : null}
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('desk.lookup')}>
              <Flex gap={12} align="center" wrap>
                <Input.Search
                  ref={(el) => {
                    lookupRef.current = el;
                  }}
                  style={{ width: 380 }}
                  prefix={<PhoneOutlined />}
                  placeholder={t('desk.lookupPlaceholder')}
                  enterButton={t('desk.lookupGo')}
                  value={lookupText}
                  onChange={(e) => setLookupText(e.target.value)}
                  loading={busy}
                  onSearch={(v) => void lookup(v)}
                  data-testid="desk-lookup"
                />
                <Button
                  icon={<UserAddOutlined />}
                  onClick={() => startNew(lookupOrder(lookupText)[0] === 'phone' ? lookupText : '')}
                  data-testid="desk-new-customer"
                >
                  {t('desk.newCustomer')}
                </Button>
                {lookupError ? <Typography.Text type="danger">{lookupError}</Typography.Text> : null}
                {found && found.length === 0 ? (
                  <Typography.Text type="secondary">{t('desk.lookupNone')}</Typography.Text>
                ) : null}
              </Flex>
              {found && found.length > 1 ? <DeskMatches found={found} pickedId={customer?.id} onPick={pick} /> : null}
            </Card>
            <Form<DeskValues>
              form={form}
              layout="vertical"
              initialValues={initialValues}
              onValuesChange={() => setDuplicate(null)}
              onFinish={() => void submit()}
              onKeyDown={(e) => {
                // Ctrl/⌘+Enter saves from anywhere in the form.
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  if (picked) form.submit();
                  else setError(t('desk.needCustomer'));
                }
              }}
              data-testid="desk-form"
            >
              <Card size="small" title={t('desk.customerTitle')} style={{ marginBottom: 16 }}>
                {picked === null ? <Typography.Text type="secondary">{t('desk.needCustomer')}</Typography.Text> : null}
                <DeskCustomer picked={picked} />
              </Card>
              <DeskProduct picked={picked} products={products} productId={productId} brandId={brandId} />
              <DeskRequest
                picked={picked}
                windows={windows}
                faultCodes={faultCodes}
                faultCodesRouted={faultCodesRouted}
                faultRef={faultRef}
                isCallOnly={isCallOnly}
                resolvedOnCall={resolvedOnCall}
              />
            </Form>
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16} style={{ position: 'sticky', top: 16 }}>
            {selectedProduct ? (
              <WarrantyVerdict productId={selectedProduct} />
            ) : (
              <Card size="small" title={t('desk.verdictTitle')}>
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('desk.verdictNeedsProduct')} />
              </Card>
            )}
            {duplicate ? (
              <Alert
                type="warning"
                showIcon
                data-testid="desk-duplicate"
                title={t('desk.duplicateTitle')}
                description={
                  <Flex vertical gap={8}>
                    <Space wrap>
                      {duplicate.orders.map((o) => (
                        <Link key={o.id} to={`/orders/${o.id}`} target="_blank">
                          {o.number} · {t(`orders.statuses.${o.status as WorkOrder['status']}`)}
                        </Link>
                      ))}
                    </Space>
                    <Space>
                      <Button type="primary" loading={intake.isPending} onClick={() => void submit('link')}>
                        {t('desk.duplicateLink')}
                      </Button>
                      <Button loading={intake.isPending} onClick={() => void submit('create')}>
                        {t('desk.duplicateCreate')}
                      </Button>
                    </Space>
                  </Flex>
                }
              />
            ) : null}
            {error ? <Alert type="error" showIcon title={error} data-testid="desk-error" /> : null}
            <Flex gap={8}>
              <Button
                type="primary"
                size="large"
                loading={intake.isPending}
                disabled={!picked}
                onClick={() => form.submit()}
                data-testid="desk-save"
              >
                {t('desk.save')}
              </Button>
              <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
                {t('desk.saveHint')}
              </Typography.Text>
              <Button size="large" onClick={resetForNextCall}>
                {t('desk.reset')}
              </Button>
            </Flex>
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
