import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNow } from '../field/use-now.ts';
import { durationText, minutesToDue } from './sla-format.ts';

/** Time left until `dueAt`, ticking every second; red "x late" once it has passed. */
export function DueCountdown({ dueAt }: { dueAt: string | null }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const left = minutesToDue(dueAt, now);
  if (left === null) return <Typography.Text type="secondary">—</Typography.Text>;
  if (left <= 0)
    return (
      <Tag color="red" data-testid="sla-late">
        {t('slaBoard.lateBy', { time: durationText(t, -left) })}
      </Tag>
    );
  return (
    <Typography.Text type={left < 60 ? 'warning' : undefined} strong data-testid="sla-left">
      {t('slaBoard.leftTime', { time: durationText(t, Math.ceil(left)) })}
    </Typography.Text>
  );
}
