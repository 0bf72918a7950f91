/** A REST resource whose update can change a record's status (see api/resource.ts). */
interface StatusUpdatable<S extends string> {
  useUpdate(): {
    mutateAsync: (vars: { id: string; body: { status: S }; silent?: boolean }) => Promise<unknown>;
  };
}

/**
 * Switches a record on (`active`) or off (`off`: inactive, disabled, suspended …) through the resource's
 * update, showing any server error (the caller confirms and reports success).
 */
export function useStatusToggle<S extends string>(
  resource: StatusUpdatable<S | 'active'>,
  off: S,
): (row: { id: string }, active: boolean) => Promise<unknown> {
  const update = resource.useUpdate();
  return (row, active) => update.mutateAsync({ id: row.id, body: { status: active ? 'active' : off }, silent: false });
}
