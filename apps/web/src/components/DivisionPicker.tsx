import { useQueryClient } from '@tanstack/react-query';
import { Cascader, Flex, Select, Space, Tag } from 'antd';
import { type CSSProperties, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Division,
  divisionKeys,
  divisionPath,
  fetchDivisions,
  useDivision,
  useDivisions,
} from '../api/divisions.ts';

interface Option {
  value: string;
  label: string;
  isLeaf: boolean;
  loading?: boolean;
  children?: Option[];
}

function toOption(d: Division, maxLevel: number): Option {
  return { value: d.code, label: d.name, isLeaf: !d.hasChildren || d.level >= maxLevel };
}

function findOption(options: Option[], code: string): Option | undefined {
  for (const o of options) {
    if (o.value === code) return o;
    const hit = o.children && findOption(o.children, code);
    if (hit) return hit;
  }
  return undefined;
}

/** The lazily loaded division tree behind a cascader; children come from GET /divisions?parent=. */
function useDivisionTree(maxLevel: number) {
  const qc = useQueryClient();
  const [options, setOptions] = useState<Option[]>([]);
  const fetchLevel = useCallback(
    (parent?: string) => {
      const query = parent ? { parent, limit: 500 } : { level: 1, limit: 500 };
      return qc.fetchQuery({
        queryKey: divisionKeys.list(query),
        queryFn: ({ signal }) => fetchDivisions(query, signal),
        staleTime: 10 * 60_000,
      });
    },
    [qc],
  );

  useEffect(() => {
    let live = true;
    fetchLevel().then(
      (rows) => live && setOptions(rows.map((d) => toOption(d, maxLevel))),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [fetchLevel, maxLevel]);

  const loadChildren = useCallback(
    async (target: Option) => {
      if (target.children || target.isLeaf) return;
      target.loading = true;
      setOptions((o) => [...o]);
      try {
        const rows = await fetchLevel(target.value);
        target.children = rows.map((d) => toOption(d, maxLevel));
        if (rows.length === 0) target.isLeaf = true;
      } finally {
        target.loading = false;
        setOptions((o) => [...o]);
      }
    },
    [fetchLevel, maxLevel],
  );

  /** Loads the ancestors of a chosen code so the cascader shows its names and opens on it. */
  const ensurePath = useCallback(
    async (path: string[]) => {
      for (const code of path.slice(0, -1)) {
        const node = findOption(options, code);
        if (!node) return;
        if (!node.children) await loadChildren(node);
      }
    },
    [options, loadChildren],
  );

  return { options, loadChildren, ensurePath };
}

export interface DivisionPickerProps {
  id?: string;
  value?: string | null;
  onChange?: (code: string | null) => void;
  /** Deepest level offered: 1 province … 4 township/street. */
  maxLevel?: number;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
}

/**
 * One division code: a cascader that loads each level on demand, plus a search by name or code
 * beside it (the cascader cannot search what it has not loaded).
 */
export function DivisionPicker({
  id,
  value,
  onChange,
  maxLevel = 4,
  placeholder,
  allowClear = true,
  style,
}: DivisionPickerProps) {
  const { t } = useTranslation();
  const { options, loadChildren, ensurePath } = useDivisionTree(maxLevel);
  const [q, setQ] = useState('');
  const search = useDivisions({ q, limit: 20 }, { enabled: q.trim().length > 0 });
  const chosen = useDivision(value);
  const path = value ? divisionPath(value) : [];

  // biome-ignore lint/correctness/useExhaustiveDependencies: load the path when the value or the root changes
  useEffect(() => {
    if (value && options.length) void ensurePath(divisionPath(value));
  }, [value, options.length]);

  return (
    <Space.Compact block style={style}>
      <Cascader<Option>
        id={id}
        data-testid="division-cascader"
        style={{ flex: 1, minWidth: 0 }}
        options={options}
        value={path}
        changeOnSelect
        allowClear={allowClear}
        placeholder={placeholder ?? t('divisionPicker.placeholder')}
        loadData={(selected) => {
          const last = selected[selected.length - 1];
          if (last) void loadChildren(last);
        }}
        displayRender={(labels, selected) =>
          selected?.every(Boolean) ? labels.join(' / ') : (chosen.data?.fullName ?? value ?? '')
        }
        onChange={(next) => {
          const codes = (next ?? []) as string[];
          onChange?.(codes.length ? codes[codes.length - 1]! : null);
        }}
      />
      <Select
        showSearch={{ filterOption: false, onSearch: setQ, searchValue: q }}
        style={{ width: '38%' }}
        value={null}
        placeholder={t('divisionPicker.search')}
        loading={search.isFetching}
        notFoundContent={null}
        options={(q ? (search.data ?? []) : [])
          .filter((d) => d.level <= maxLevel)
          .map((d) => ({ value: d.code, label: `${d.fullName} (${d.code})` }))}
        onChange={(code: string | null) => {
          if (code) onChange?.(code);
          setQ('');
        }}
        data-testid="division-search"
      />
    </Space.Compact>
  );
}

/** The full name of a division code (loaded once and cached). */
export function DivisionName({ code }: { code: string | null | undefined }) {
  const { data } = useDivision(code);
  if (!code) return <>—</>;
  return <>{data?.fullName ?? code}</>;
}

export interface DivisionMultiPickerProps {
  id?: string;
  value?: string[];
  onChange?: (codes: string[]) => void;
  maxLevel?: number;
}

/**
 * Several division codes (an outlet's coverage): a multiple cascader whose checked parents stand for
 * everything below them, plus the same search to add an area by name.
 */
export function DivisionMultiPicker({ id, value = [], onChange, maxLevel = 4 }: DivisionMultiPickerProps) {
  const { t } = useTranslation();
  const { options, loadChildren, ensurePath } = useDivisionTree(maxLevel);
  const [q, setQ] = useState('');
  const search = useDivisions({ q, limit: 20 }, { enabled: q.trim().length > 0 });
  const key = value.join(',');

  // biome-ignore lint/correctness/useExhaustiveDependencies: load the chosen paths when the value or the root changes
  useEffect(() => {
    if (!options.length) return;
    void (async () => {
      for (const code of value) await ensurePath(divisionPath(code));
    })();
  }, [key, options.length]);

  return (
    <Flex vertical gap={8}>
      <Cascader<Option, 'value'>
        id={id}
        data-testid="division-multi"
        multiple
        showCheckedStrategy={Cascader.SHOW_PARENT}
        maxTagCount="responsive"
        options={options}
        value={value.map(divisionPath)}
        placeholder={t('divisionPicker.placeholder')}
        loadData={(selected) => {
          const last = selected[selected.length - 1];
          if (last) void loadChildren(last);
        }}
        tagRender={({ value: code, label, closable, onClose }) => (
          <Tag closable={closable} onClose={onClose} style={{ marginInlineEnd: 4 }}>
            {label && label !== code ? label : <DivisionName code={String(code)} />}
          </Tag>
        )}
        onChange={(paths) => onChange?.(paths.map((p) => String(p[p.length - 1])))}
      />
      <Select
        showSearch={{ filterOption: false, onSearch: setQ, searchValue: q }}
        value={null}
        placeholder={t('divisionPicker.search')}
        loading={search.isFetching}
        notFoundContent={null}
        options={(q ? (search.data ?? []) : [])
          .filter((d) => d.level <= maxLevel && !value.includes(d.code))
          .map((d) => ({ value: d.code, label: `${d.fullName} (${d.code})` }))}
        onChange={(code: string | null) => {
          if (code && !value.includes(code)) onChange?.([...value, code]);
          setQ('');
        }}
      />
    </Flex>
  );
}
