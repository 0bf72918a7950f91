import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { type TrainingCreate, useAddTraining, useTrainings } from '../../api/technicians.ts';
import { applyServerErrors } from '../../components/FormDrawer.tsx';
import { formatDate } from '../../components/format.ts';
import { EnumTag } from '../../components/labels.tsx';
import { EnumSelect } from '../../components/pickers.tsx';

type Values = Omit<TrainingCreate, 'completedOn'> & { completedOn: Dayjs };

/** A technician's training records, and (with technicians.write) a small form to add one. */
export function Trainings({ technicianId, canAdd }: { technicianId: string; canAdd: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data, isLoading } = useTrainings(technicianId);
  const add = useAddTraining(technicianId);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<Values>();

  const submit = async (v: Values) => {
    try {
      await add.mutateAsync({
        course: v.course,
        completedOn: v.completedOn.format('YYYY-MM-DD'),
        result: v.result,
        certificateNo: v.certificateNo || null,
      });
      void message.success(t('technicians.trainingAdded'));
      form.resetFields();
      setAdding(false);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      applyServerErrors(form, err);
      void message.error(err.detail);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="trainings">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('technicians.trainings')}
        </Typography.Title>
        {canAdd && !adding ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('technicians.addTraining')}
          </Button>
        ) : null}
      </Space>
      {adding ? (
        <Card size="small">
          <Form<Values>
            form={form}
            layout="inline"
            onFinish={submit}
            initialValues={{ result: 'passed' }}
            style={{ rowGap: 8 }}
          >
            <Form.Item name="course" rules={[{ required: true, message: t('technicians.course') }]}>
              <Input placeholder={t('technicians.course')} maxLength={100} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="completedOn" rules={[{ required: true, message: t('technicians.completedOn') }]}>
              <DatePicker placeholder={t('technicians.completedOn')} />
            </Form.Item>
            <Form.Item name="result">
              <EnumSelect kind="trainingResult" allowClear={false} style={{ width: 110, minWidth: 110 }} />
            </Form.Item>
            <Form.Item name="certificateNo">
              <Input placeholder={t('technicians.certificateNo')} maxLength={50} style={{ width: 150 }} />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={add.isPending}>
                {t('common.save')}
              </Button>
              <Button onClick={() => setAdding(false)}>{t('common.cancel')}</Button>
            </Space>
          </Form>
        </Card>
      ) : null}
      <Table
        size="small"
        rowKey="id"
        loading={isLoading}
        pagination={false}
        dataSource={data ?? []}
        locale={{ emptyText: t('technicians.noTrainings') }}
        columns={[
          { dataIndex: 'course', title: t('technicians.course') },
          { dataIndex: 'completedOn', title: t('technicians.completedOn'), render: formatDate },
          {
            dataIndex: 'result',
            title: t('technicians.result'),
            render: (v) => <EnumTag kind="trainingResult" value={v} />,
          },
          { dataIndex: 'certificateNo', title: t('technicians.certificateNo'), render: (v) => v ?? t('common.none') },
        ]}
      />
    </Space>
  );
}
