import { Alert, App, Button, Drawer, Form, type FormInstance, Space } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { fieldPath } from './server-errors.ts';

interface Unmatched {
  detail: string;
  rest: { path: string; message: string }[];
}

/**
 * Puts the server's field errors on the form fields they name; returns what no field took (shown
 * above the form). `mapPath` lets a form whose shape differs from the request body remap paths.
 */
export function applyServerErrors(
  form: FormInstance,
  err: ApiError,
  mapPath?: (path: (string | number)[]) => NamePath | null,
): Unmatched {
  const rest: Unmatched['rest'] = [];
  // Several messages may name one path (too short, and not a phone number): show them together.
  const byPath = new Map<string, string[]>();
  for (const e of err.errors) byPath.set(e.path, [...(byPath.get(e.path) ?? []), e.message]);
  for (const [path, messages] of byPath) {
    const raw = fieldPath(path);
    const name = mapPath ? mapPath(raw) : raw;
    const unmatched = messages.map((message) => ({ path, message }));
    if (name === null || (Array.isArray(name) && name.length === 0)) {
      rest.push(...unmatched);
      continue;
    }
    form.setFields([{ name, errors: messages }]);
    // Unregistered names are ignored by antd; they go to the summary instead.
    if (form.getFieldError(name).length === 0) rest.push(...unmatched);
  }
  return { detail: err.detail, rest };
}

export interface FormDrawerProps<V> {
  open: boolean;
  title: string;
  onClose: () => void;
  initialValues?: Partial<V>;
  /** Turns the form values into the request and sends it; an ApiError is mapped to the fields. */
  onSubmit: (values: V) => Promise<unknown>;
  successMessage?: string;
  mapErrorPath?: (path: (string | number)[]) => NamePath | null;
  width?: number;
  children: ReactNode;
  testId?: string;
}

/** The create/edit pattern: an antd Form in a Drawer, saved with server-side validation. */
export function FormDrawer<V extends object>(props: FormDrawerProps<V>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<Unmatched | null>(null);

  const submit = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setProblem(null);
    try {
      await props.onSubmit(values);
      void message.success(props.successMessage ?? t('common.saved'));
      props.onClose();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const unmatched = applyServerErrors(form, err, props.mapErrorPath);
      setProblem(unmatched);
      void message.error(err.errors.length ? t('errors.formInvalid') : err.detail);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={props.open}
      title={props.title}
      size={props.width ?? 640}
      onClose={props.onClose}
      destroyOnHidden
      afterOpenChange={(open) => {
        if (!open) setProblem(null);
      }}
      data-testid={props.testId}
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={submit} data-testid="form-drawer-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {problem ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={problem.detail}
          description={
            problem.rest.length ? (
              <>
                {t('errors.unmatched')}
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {problem.rest.map((e) => (
                    <li key={e.path + e.message}>
                      <code>{fieldPath(e.path).join('.') || e.path}</code>: {e.message}
                    </li>
                  ))}
                </ul>
              </>
            ) : undefined
          }
        />
      ) : null}
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={props.initialValues}
        preserve={false}
        onFinish={submit}
        scrollToFirstError
      >
        {props.children}
        {/* Enter in a field submits. */}
        <button type="submit" hidden />
      </Form>
    </Drawer>
  );
}
