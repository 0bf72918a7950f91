import { InputNumber } from 'antd';
import { fenToYuan, yuanToFen } from './money.ts';

/** A price field: shows and takes yuan (two decimals), holds integer fen as the form value. */
export function YuanInput({
  value,
  onChange,
  id,
  max = 1_000_000,
}: {
  value?: number | null;
  onChange?: (fen: number | null) => void;
  id?: string;
  max?: number;
}) {
  return (
    <InputNumber<string>
      id={id}
      stringMode
      min="0"
      max={String(max)}
      precision={2}
      prefix="¥"
      style={{ width: '100%' }}
      value={value === null || value === undefined ? null : fenToYuan(value)}
      onChange={(v) => onChange?.(v === null || v === '' ? null : yuanToFen(v))}
    />
  );
}
