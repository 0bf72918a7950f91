import type { Role } from '@aftercare/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Popconfirm,
  Radio,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../access.ts';
import { useMe } from '../../api/auth.ts';
import { useAllBrands } from '../../api/brands.ts';
import { DateField } from '../../components/DateField.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { BrandSelect } from '../../components/pickers.tsx';
import {
  type CalendarDay,
  useAddCalendarDay,
  useCalendarDays,
  useCalendarPreview,
  useDeleteCalendarDay,
} from './api.ts';
import { WEEKDAY_KEYS, YearGrid } from './YearGrid.tsx';

const weekdayOf = (date: string) => WEEKDAY_KEYS[dayjs(date).day()]!;
const KIND_COLORS: Record<CalendarDay['kind'], string> = {
  holiday: 'red',
  adjusted_working: 'orange',
  day_off: 'default',
  extra_working: 'blue',
};

interface AddValues {
  scope: 'brand' | 'national';
  divisionPrefix?: string;
  date: string;
  working: 'on' | 'off';
  name: string;
}

/** Section G: the official holidays and adjusted working days, the local changes, and a brand's working hours. */
export default function CalendarPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const { data: brands } = useAllBrands();
  const [brandId, setBrandId] = useState<string | undefined>();
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const [adding, setAdding] = useState(false);
  const isPlatform = (me?.role as Role | undefined) === 'platform_admin';
  const mayWrite = can(me, 'calendar.write');

  useEffect(() => {
    if (!brandId && brands?.length) setBrandId(brands[0]!.id);
  }, [brandId, brands]);

  const days = useCalendarDays(brandId, year);
  const preview = useCalendarPreview(brandId, year);
  const add = useAddCalendarDay();
  const remove = useDeleteCalendarDay();
  const spec = preview.data?.spec;

  const sourceOf = (d: CalendarDay) =>
    d.source === 'official' ? 'official' : d.brandId === null ? 'national' : ('brand' as const);
  const mayDelete = (d: CalendarDay) => mayWrite && d.source === 'override' && (d.brandId !== null || isPlatform);

  return (
    <Flex vertical gap={16} data-testid="calendar-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('calendar.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('calendar.intro')}
      </Typography.Paragraph>
      <Flex gap={12} wrap align="center">
        <BrandSelect
          value={brandId}
          onChange={(v) => setBrandId(v as string | undefined)}
          placeholder={t('calendar.brandPlaceholder')}
          style={{ width: 220 }}
          allowClear={false}
          data-testid="calendar-brand"
        />
        <Select
          value={year}
          onChange={setYear}
          style={{ width: 110 }}
          options={[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => ({ value: y, label: String(y) }))}
          data-testid="calendar-year"
        />
        {mayWrite ? (
          <Button type="primary" onClick={() => setAdding(true)} disabled={!brandId} data-testid="calendar-add">
            {t('calendar.add')}
          </Button>
        ) : null}
      </Flex>
      {days.data && !days.data.covered ? (
        <Alert type="warning" showIcon title={t('calendar.notCovered', { year })} data-testid="calendar-not-covered" />
      ) : null}
      <Card title={t('calendar.hours')} size="small" loading={preview.isLoading}>
        {spec ? (
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('calendar.hours')}>
              <span data-testid="calendar-hours">{spec.hours.map((h) => `${h.from}–${h.to}`).join('，')}</span>
              <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
                {preview.data?.source === 'pack'
                  ? t('calendar.hoursSource.pack', {
                      pack: `${preview.data.pack?.id} v${preview.data.pack?.version}`,
                    })
                  : t('calendar.hoursSource.default')}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('calendar.days')}>
              {t(`calendar.dayModes.${spec.days}`)}
              {' · '}
              {t('calendar.dailyMinutes', { hours: Math.round(((preview.data?.dailyMinutes ?? 0) / 60) * 10) / 10 })}
            </Descriptions.Item>
          </Descriptions>
        ) : null}
      </Card>
      <Card title={t('calendar.yearView')} size="small" loading={preview.isLoading}>
        {preview.data ? <YearGrid days={preview.data.days} /> : null}
      </Card>
      <Card title={t('calendar.list')} size="small">
        <Table<CalendarDay>
          rowKey={(d) => d.id ?? `${d.date}-${d.kind}`}
          size="small"
          loading={days.isFetching}
          dataSource={days.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('calendar.empty') }}
          data-testid="calendar-days"
          columns={[
            { title: t('calendar.date'), dataIndex: 'date', width: 120 },
            {
              title: t('calendar.weekday'),
              key: 'weekday',
              width: 80,
              render: (_, d) => t(`calendar.weekdays.${weekdayOf(d.date)}`),
            },
            { title: t('calendar.name'), dataIndex: 'name' },
            {
              title: t('calendar.kind'),
              dataIndex: 'kind',
              render: (k: CalendarDay['kind']) => <Tag color={KIND_COLORS[k]}>{t(`calendar.kinds.${k}`)}</Tag>,
            },
            { title: t('calendar.source'), key: 'source', render: (_, d) => t(`calendar.sources.${sourceOf(d)}`) },
            {
              title: t('calendar.division'),
              dataIndex: 'divisionPrefix',
              render: (p: string | null) => p ?? t('calendar.allRegions'),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 90,
              render: (_, d) =>
                mayDelete(d) ? (
                  <Popconfirm
                    title={t('calendar.deleteConfirm', { date: d.date, name: d.name })}
                    onConfirm={async () => {
                      await remove.mutateAsync(d.id!);
                      void message.success(t('calendar.deleted'));
                    }}
                  >
                    <Button size="small" danger type="link" data-testid={`calendar-delete-${d.date}`}>
                      {t('common.remove')}
                    </Button>
                  </Popconfirm>
                ) : null,
            },
          ]}
        />
      </Card>
      <FormDrawer<AddValues>
        open={adding}
        title={t('calendar.addTitle')}
        onClose={() => setAdding(false)}
        initialValues={{ scope: 'brand', working: 'off' }}
        successMessage={t('calendar.added')}
        width={480}
        testId="calendar-add-drawer"
        mapErrorPath={(p) => (p[0] === 'brandId' ? ['scope'] : p[0] === 'working' ? ['working'] : p)}
        onSubmit={(v) =>
          add.mutateAsync({
            brandId: v.scope === 'national' ? null : brandId!,
            ...(v.divisionPrefix ? { divisionPrefix: v.divisionPrefix } : {}),
            date: v.date,
            working: v.working === 'on',
            name: v.name,
          })
        }
      >
        {isPlatform ? (
          <Form.Item name="scope" label={t('calendar.scope')}>
            <Radio.Group
              options={(['brand', 'national'] as const).map((s) => ({ value: s, label: t(`calendar.scopes.${s}`) }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="date" label={t('calendar.date')} rules={[{ required: true, message: t('calendar.required') }]}>
          <DateField />
        </Form.Item>
        <Form.Item name="working" label={t('calendar.working')}>
          <Radio.Group
            options={(['off', 'on'] as const).map((w) => ({ value: w, label: t(`calendar.workingOptions.${w}`) }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('calendar.name')} rules={[{ required: true, message: t('calendar.required') }]}>
          <Input maxLength={60} placeholder={t('calendar.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="divisionPrefix"
          label={t('calendar.divisionPrefix')}
          extra={t('calendar.divisionPrefixHint')}
          rules={[{ pattern: /^(\d{2}|\d{4}|\d{6})$/, message: t('calendar.divisionPrefixInvalid') }]}
        >
          <Input maxLength={6} style={{ width: 160 }} />
        </Form.Item>
      </FormDrawer>
    </Flex>
  );
}
