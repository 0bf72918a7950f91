import { useCallback } from 'react';
import { type Action, can } from '../access.ts';
import { useMe } from '../api/auth.ts';

/** `const allowed = useCan(); allowed('outlet.write')` — hides buttons the caller may not use. */
export function useCan(): (action: Action) => boolean {
  const { data: me } = useMe();
  return useCallback((action: Action) => can(me, action), [me]);
}
