import type { CalendarDay, CalendarDayCreate, CalendarDayList, CalendarPreview } from '@aftercare/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../api/client.ts';

/** The business calendar (section G): official and override days of a year, a brand's preview, overrides. */

export type {
  CalendarDay,
  CalendarDayCreate,
  CalendarDayList,
  CalendarPreview,
  CalendarPreviewDay,
} from '@aftercare/contracts';

const ROOT = 'calendar';

export function useCalendarDays(brandId: string | undefined, year: number) {
  return useQuery({
    queryKey: [ROOT, 'days', { brandId, year }],
    queryFn: ({ signal }) => request<CalendarDayList>('/calendar/days', { query: { brandId, year }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Every date of the year for the brand: working or not, and the working hours of its pack. */
export function useCalendarPreview(brandId: string | undefined, year: number) {
  return useQuery({
    queryKey: [ROOT, 'preview', { brandId, year }],
    queryFn: ({ signal }) =>
      request<CalendarPreview>('/calendar/preview', {
        query: { brandId, from: `${year}-01-01`, to: `${year}-12-31` },
        signal,
      }),
    enabled: Boolean(brandId),
    placeholderData: keepPreviousData,
  });
}

export function useAddCalendarDay() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CalendarDayCreate) =>
      request<CalendarDay>('/calendar/days', { method: 'POST', body, silent: true }),
    onSuccess: () => qc.invalidateQueries({ queryKey: [ROOT] }),
  });
}

export function useDeleteCalendarDay() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request<{ ok: true }>(`/calendar/days/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: [ROOT] }),
  });
}
