import { Flex, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CalendarPreviewDay } from './api.ts';

/** Cell colours of the year view: a day off, a public holiday, an adjusted working day, a local change. */
export const DAY_COLORS = {
  working: '#ffffff',
  off: '#f0f0f0',
  holiday: '#ffccc7',
  adjusted: '#ffe7ba',
  override: '#1677ff',
} as const;

export function dayColor(d: CalendarPreviewDay): string {
  if (d.holiday && !d.working) return DAY_COLORS.holiday;
  if (d.adjusted && d.working) return DAY_COLORS.adjusted;
  return d.working ? DAY_COLORS.working : DAY_COLORS.off;
}

/** i18n keys of the weekdays, Sunday first (as Date.getDay counts). */
export const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const WEEK = [1, 2, 3, 4, 5, 6, 0] as const;
const CELL = 22;

/** Twelve small month grids (weeks start on Monday) of the preview: working or not, and why. */
export function YearGrid({ days }: { days: CalendarPreviewDay[] }) {
  const { t } = useTranslation();
  const months = new Map<string, CalendarPreviewDay[]>();
  for (const d of days) months.set(d.date.slice(0, 7), [...(months.get(d.date.slice(0, 7)) ?? []), d]);
  return (
    <Flex vertical gap={12}>
      <Flex gap={16} wrap>
        {(['working', 'off', 'holiday', 'adjusted', 'override'] as const).map((k) => (
          <Flex key={k} gap={6} align="center">
            <span
              style={{
                width: 14,
                height: 14,
                display: 'inline-block',
                border: k === 'override' ? `2px solid ${DAY_COLORS.override}` : '1px solid #d9d9d9',
                background: k === 'override' ? '#fff' : DAY_COLORS[k],
              }}
            />
            <Typography.Text type="secondary">{t(`calendar.legend.${k}`)}</Typography.Text>
          </Flex>
        ))}
      </Flex>
      <Flex gap={20} wrap data-testid="calendar-year-grid">
        {[...months].map(([month, list]) => {
          const lead = WEEK.indexOf(list[0]!.weekday as (typeof WEEK)[number]);
          return (
            <div key={month}>
              <Typography.Text strong>{month}</Typography.Text>
              <div style={{ display: 'grid', gridTemplateColumns: `repeat(7, ${CELL}px)`, gap: 2, marginTop: 4 }}>
                {WEEK.map((w, i) => (
                  <Typography.Text key={w} type="secondary" style={{ fontSize: 11, textAlign: 'center' }}>
                    {t('calendar.weekShort').charAt(i)}
                  </Typography.Text>
                ))}
                {list.map((d, i) => (
                  <Tooltip
                    key={d.date}
                    title={[d.date, d.name, d.working ? d.hours.map((h) => `${h.from}–${h.to}`).join(', ') : null]
                      .filter(Boolean)
                      .join(' · ')}
                  >
                    <span
                      data-testid={`calendar-day-${d.date}`}
                      data-working={d.working}
                      style={{
                        width: CELL,
                        height: CELL,
                        lineHeight: `${CELL - 4}px`,
                        fontSize: 11,
                        textAlign: 'center',
                        boxSizing: 'border-box',
                        // The first day starts in its weekday's column (weeks start on Monday).
                        gridColumnStart: i === 0 ? lead + 1 : undefined,
                        background: dayColor(d),
                        border: d.override ? `2px solid ${DAY_COLORS.override}` : '1px solid #f0f0f0',
                      }}
                    >
                      {Number(d.date.slice(8))}
                    </span>
                  </Tooltip>
                ))}
              </div>
            </div>
          );
        })}
      </Flex>
    </Flex>
  );
}
