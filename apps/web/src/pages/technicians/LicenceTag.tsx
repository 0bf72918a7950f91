import { Space } from 'antd';
import type { Technician } from '../../api/technicians.ts';
import { formatDate } from '../../components/format.ts';
import { EnumTag } from '../../components/labels.tsx';

/** The licence's end date and its state as the server judged it (expiring = ends within 30 days). */
export function LicenceTag({ technician }: { technician: Technician }) {
  return (
    <Space size={4}>
      {technician.licenceValidUntil ? <span>{formatDate(technician.licenceValidUntil)}</span> : null}
      <EnumTag kind="licence" value={technician.licenceState} />
    </Space>
  );
}
