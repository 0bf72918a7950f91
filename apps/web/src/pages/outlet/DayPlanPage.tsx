import type { OrderStatus } from '@aftercare/contracts';
import { Alert, Card, Col, DatePicker, Empty, Flex, List, Row, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useDayPlan } from '../../api/field-orders.ts';
import { shanghaiDate, statusColor, windowText } from '../field/field-helpers.ts';
import { useOutletId } from './outlet-shared.tsx';

/** Each technician's jobs and visit windows on a chosen day (GET /outlets/:id/day-plan?date=). */
export default function DayPlanPage() {
  const { t } = useTranslation();
  const { outletId } = useOutletId();
  const [params, setParams] = useSearchParams();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? params.get('date')! : shanghaiDate(Date.now());
  const plan = useDayPlan(outletId, date);
  const techs = plan.data?.technicians ?? [];

  return (
    <Flex vertical gap={16} data-testid="outlet-day-plan">
      <Flex justify="space-between" align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('field.dayPlan.title')}
        </Typography.Title>
        <DatePicker
          value={dayjs(date)}
          allowClear={false}
          onChange={(d) => d && setParams({ date: d.format('YYYY-MM-DD') }, { replace: true })}
          data-testid="day-plan-date"
        />
      </Flex>
      {outletId ? null : <Alert type="warning" showIcon title={t('field.noOutlet')} />}
      {plan.isLoading ? <Skeleton active /> : null}
      {plan.data && techs.length === 0 ? <Empty description={t('field.dayPlan.empty')} /> : null}
      <Row gutter={[16, 16]}>
        {techs.map((tech) => {
          const jobs = [...tech.jobs].sort((a, b) => Date.parse(a.windowStart) - Date.parse(b.windowStart));
          return (
            <Col key={tech.id} xs={24} md={12} xl={8}>
              <Card
                size="small"
                title={tech.name}
                extra={
                  <Typography.Text type="secondary">{t('field.dayPlan.jobs', { count: jobs.length })}</Typography.Text>
                }
                data-testid="day-plan-technician"
              >
                {jobs.length === 0 ? (
                  <Typography.Text type="secondary">{t('field.dayPlan.free')}</Typography.Text>
                ) : (
                  <List
                    size="small"
                    dataSource={jobs}
                    renderItem={(job) => (
                      <List.Item style={{ paddingInline: 0 }}>
                        <Flex vertical gap={2} style={{ width: '100%' }}>
                          <Flex justify="space-between" align="center">
                            <Typography.Text strong>
                              {windowText({ start: job.windowStart, end: job.windowEnd })}
                            </Typography.Text>
                            <Tag color={statusColor(job.status as OrderStatus)} style={{ marginInlineEnd: 0 }}>
                              {t(`field.status.${job.status as OrderStatus}`, { defaultValue: job.status })}
                            </Tag>
                          </Flex>
                          <Typography.Text>
                            {job.number} · {t(`field.type.${job.type as 'repair'}`, { defaultValue: job.type })} ·{' '}
                            {job.contactName}
                          </Typography.Text>
                          <Typography.Text type="secondary">{job.address}</Typography.Text>
                        </Flex>
                      </List.Item>
                    )}
                  />
                )}
              </Card>
            </Col>
          );
        })}
      </Row>
    </Flex>
  );
}
