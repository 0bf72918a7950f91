import { Space } from 'antd';
import type { Technician } from '../../api/technicians.ts';
import { formatDate, shanghaiToday } from '../../components/format.ts';
import { EnumTag } from '../../components/labels.tsx';

/** The licence's state: the server's `licenceValid` decides expired; within 30 days is a warning. */
export function licenceState(
  x: Pick<Technician, 'licenceValid' | 'licenceValidUntil'>,
): 'valid' | 'expired' | 'expiring' | null {
  if (!x.licenceValidUntil) return x.licenceValid ? 'valid' : null;
  if (!x.licenceValid) return 'expired';
  return x.licenceValidUntil <= shanghaiToday(30) ? 'expiring' : 'valid';
}

export function LicenceTag({ technician }: { technician: Technician }) {
  const state = licenceState(technician);
  return (
    <Space size={4}>
      <span>{formatDate(technician.licenceValidUntil)}</span>
      {state ? <EnumTag kind="licence" value={state} /> : null}
    </Space>
  );
}
