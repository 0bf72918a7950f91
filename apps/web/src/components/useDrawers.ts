import { useState } from 'react';

/** Which drawer a list page has open: the detail of one record, or the form (new or editing one). */
export function useDrawers<T>() {
  const [viewId, setViewId] = useState<string | null>(null);
  const [form, setForm] = useState<{ record: T | null } | null>(null);
  return {
    viewId,
    view: (id: string) => setViewId(id),
    closeView: () => setViewId(null),
    formOpen: form !== null,
    editing: form?.record ?? null,
    create: () => setForm({ record: null }),
    edit: (record: T) => setForm({ record }),
    closeForm: () => setForm(null),
  };
}
