import { DatePicker } from 'antd';
import dayjs from 'dayjs';

/** A DatePicker whose value is a calendar date string (YYYY-MM-DD), as the contracts and the URL carry it. */
export function DateField({
  value,
  onChange,
  placeholder,
  id,
}: {
  value?: string | null;
  onChange?: (v: string | null) => void;
  placeholder?: string;
  id?: string;
}) {
  return (
    <DatePicker
      id={id}
      placeholder={placeholder}
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : null)}
    />
  );
}
