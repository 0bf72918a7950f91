import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type Filters = Record<string, string | undefined>;

export interface ListParams<F extends Filters> {
  filters: F;
  page: number;
  pageSize: number;
  /** The query to send: page, pageSize and the non-empty filters. */
  params: F & { page: number; pageSize: number };
  setFilters(next: F): void;
  setPage(page: number, pageSize?: number): void;
}

/**
 * List state (filters and page) lives in the URL, so a filtered page can be reloaded, shared and
 * navigated back to.
 */
export function useListParams<F extends Filters>(filterKeys: readonly (keyof F & string)[]): ListParams<F> {
  const [search, setSearch] = useSearchParams();
  const keysId = filterKeys.join(',');
  const filters = useMemo(() => {
    const out: Filters = {};
    for (const k of keysId.split(',')) {
      const v = search.get(k);
      if (v) out[k] = v;
    }
    return out as F;
  }, [search, keysId]);
  const page = Math.max(1, Number(search.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(search.get('pageSize')) || 20));
  const params = useMemo(() => ({ ...filters, page, pageSize }), [filters, page, pageSize]);

  const setFilters = useCallback(
    (next: F) => {
      const s = new URLSearchParams();
      for (const [k, v] of Object.entries(next)) {
        if (v !== undefined && v !== null && String(v).trim() !== '') s.set(k, String(v).trim());
      }
      if (pageSize !== 20) s.set('pageSize', String(pageSize));
      setSearch(s);
    },
    [setSearch, pageSize],
  );

  const setPage = useCallback(
    (nextPage: number, nextSize?: number) => {
      setSearch((prev) => {
        const s = new URLSearchParams(prev);
        const size = nextSize ?? pageSize;
        s.set('page', String(size !== pageSize ? 1 : nextPage));
        if (size === 20) s.delete('pageSize');
        else s.set('pageSize', String(size));
        return s;
      });
    },
    [setSearch, pageSize],
  );

  return { filters, page, pageSize, params, setFilters, setPage };
}
