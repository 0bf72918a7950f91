import { DISPOSITIONS, ORDER_CHANNELS, ORDER_TYPES } from '@aftercare/contracts';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Flex, Form, Input, Radio, Row, Select, Space, Switch } from 'antd';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { useFaultCodes } from '../../api/work-orders.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import type { Picked } from './DeskCustomer.tsx';
import { MAX_WINDOWS, normalizeFaultCodes } from './order-values.ts';

/** The desk's request: type, channel, fault, service address, time windows, priority, closing on the call. */
export function DeskRequest(props: {
  picked: Picked;
  windows: unknown[];
  faultCodes: ReturnType<typeof useFaultCodes>;
  faultCodesRouted: boolean;
  faultRef: RefObject<{ focus: () => void } | null>;
  isCallOnly: boolean;
  resolvedOnCall: boolean | undefined;
}) {
  const { picked, windows, faultCodes, faultCodesRouted, faultRef, isCallOnly, resolvedOnCall } = props;
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('desk.requestTitle')}>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="type" label={t('desk.type')} rules={[{ required: true }]}>
            <Select
              data-testid="desk-type"
              options={ORDER_TYPES.map((v) => ({ value: v, label: t(`orders.types.${v}`) }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="channel" label={t('desk.channel')} rules={[{ required: true }]}>
            <Select options={ORDER_CHANNELS.map((v) => ({ value: v, label: t(`orders.channels.${v}`) }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="priority" label={t('desk.priority')}>
            <Radio.Group
              optionType="button"
              options={(['normal', 'urgent'] as const).map((v) => ({
                value: v,
                label: t(`orders.priorities.${v}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="faultDescription" label={t('desk.fault')}>
            <Input.TextArea
              ref={(el) => {
                faultRef.current = el;
              }}
              rows={3}
              maxLength={2000}
              showCount
              data-testid="desk-fault"
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="faultCodes"
            label={t('desk.faultCodes')}
            extra={faultCodesRouted ? undefined : t('desk.faultCodesHint')}
            normalize={(v: string[]) => normalizeFaultCodes(v)}
          >
            <Select
              mode={faultCodesRouted ? 'multiple' : 'tags'}
              maxCount={10}
              tokenSeparators={[',', ' ', '，']}
              open={faultCodesRouted ? undefined : false}
              suffixIcon={null}
              optionFilterProp="label"
              options={(faultCodes.data ?? []).map((f) => ({
                value: f.code,
                label: `${f.code} ${f.name}${f.serious ? ' ⚠' : ''}`,
              }))}
            />
          </Form.Item>
        </Col>
        {/* A new customer's address is the service address; an existing one's primary is editable here. */}
        {picked?.kind === 'new' ? null : (
          <>
            <Col span={12}>
              <Form.Item
                name={['address', 'divisionCode']}
                label={t('desk.address')}
                extra={picked?.kind === 'existing' ? t('desk.addressDefault') : undefined}
              >
                <DivisionPicker />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name={['address', 'detail']} label={t('desk.addressDetail')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          </>
        )}
        <Col span={24}>
          <Form.Item label={t('desk.windows')} style={{ marginBottom: 8 }}>
            <Form.List name="windows">
              {(fields, { add, remove }) => (
                <Flex gap={8} wrap align="center">
                  {fields.map((f) => (
                    <Space.Compact key={f.key}>
                      <Form.Item name={f.name} noStyle>
                        <DatePicker.RangePicker
                          showTime={{ format: 'HH:mm', minuteStep: 30 }}
                          format="MM-DD HH:mm"
                          style={{ width: 280 }}
                        />
                      </Form.Item>
                      {fields.length > 1 ? <Button onClick={() => remove(f.name)}>×</Button> : null}
                    </Space.Compact>
                  ))}
                  {windows.length < MAX_WINDOWS ? (
                    <Button icon={<PlusOutlined />} onClick={() => add(null)}>
                      {t('desk.addWindow')}
                    </Button>
                  ) : null}
                </Flex>
              )}
            </Form.List>
          </Form.Item>
        </Col>
        {isCallOnly ? (
          <>
            <Col span={6}>
              <Form.Item name="resolvedOnCall" label={t('desk.resolvedOnCall')} valuePropName="checked">
                <Switch data-testid="desk-resolved" />
              </Form.Item>
            </Col>
            {resolvedOnCall ? (
              <>
                <Col span={8}>
                  <Form.Item name="disposition" label={t('desk.disposition')} rules={[{ required: true }]}>
                    <Select options={DISPOSITIONS.map((v) => ({ value: v, label: t(`orders.dispositions.${v}`) }))} />
                  </Form.Item>
                </Col>
                <Col span={10}>
                  <Form.Item name="dispositionNote" label={t('desk.dispositionNote')}>
                    <Input maxLength={2000} />
                  </Form.Item>
                </Col>
              </>
            ) : null}
          </>
        ) : null}
      </Row>
    </Card>
  );
}
