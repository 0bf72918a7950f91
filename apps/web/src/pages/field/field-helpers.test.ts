import { describe, expect, it } from 'vitest';
import {
  countdown,
  mapUrl,
  newest,
  photoList,
  planJobs,
  quoteBodyOf,
  shanghaiDate,
  telHref,
  timeText,
  windowText,
  yuan,
} from './field-helpers.ts';

describe('telHref', () => {
  it('links a full number and strips separators', () => {
    expect(telHref('138-0013-8000')).toBe('tel:13800138000');
    expect(telHref('+86 10 6552 9988')).toBe('tel:+861065529988');
  });
  it('gives no link for a masked or missing number', () => {
    expect(telHref('138****8000')).toBeNull();
    expect(telHref(null)).toBeNull();
    expect(telHref('')).toBeNull();
  });
});

describe('mapUrl', () => {
  it('encodes the address as the AMap search keyword', () => {
    expect(mapUrl(' 北京市朝阳区 建国路1号 ')).toBe(
      'https://uri.amap.com/search?keyword=%E5%8C%97%E4%BA%AC%E5%B8%82%E6%9C%9D%E9%98%B3%E5%8C%BA%20%E5%BB%BA%E5%9B%BD%E8%B7%AF1%E5%8F%B7',
    );
  });
});

describe('countdown', () => {
  const now = Date.parse('2026-12-06T10:00:00Z');
  it('shows minutes and seconds under an hour', () => {
    expect(countdown('2026-12-06T10:29:05Z', now)).toEqual({ overdue: false, ms: 29 * 60_000 + 5000, text: '29:05' });
  });
  it('shows hours above an hour', () => {
    expect(countdown('2026-12-06T11:02:03Z', now)?.text).toBe('1:02:03');
  });
  it('is overdue at the deadline and after it', () => {
    expect(countdown('2026-12-06T10:00:00Z', now)?.overdue).toBe(true);
    expect(countdown('2026-12-06T09:59:00Z', now)).toEqual({ overdue: true, ms: 0, text: '00:00' });
  });
  it('is null without a deadline', () => {
    expect(countdown(null, now)).toBeNull();
    expect(countdown('not a date', now)).toBeNull();
  });
});

describe('shanghaiDate and windowText', () => {
  it('uses Shanghai time, not UTC', () => {
    // 17:30 UTC is 01:30 the next day in Shanghai.
    expect(shanghaiDate('2026-12-06T17:30:00Z')).toBe('2026-12-07');
    expect(windowText({ start: '2026-12-06T01:00:00Z', end: '2026-12-06T03:30:00Z' })).toBe('09:00–11:30');
    expect(windowText(null)).toBeNull();
    expect(timeText('2026-12-06T16:05:00Z')).toBe('00:05');
  });
});

describe('planJobs', () => {
  const job = (id: string, start: string | null) => ({
    order: id,
    window: start ? { start, end: new Date(Date.parse(start) + 7200_000).toISOString() } : null,
  });
  it("puts today's booked jobs first in appointment order, the rest after", () => {
    const jobs = [
      job('late', '2026-12-06T07:00:00Z'),
      job('none', null),
      job('tomorrow', '2026-12-07T01:00:00Z'),
      job('early', '2026-12-06T00:30:00Z'),
    ];
    const plan = planJobs(jobs, '2026-12-06');
    expect(plan.today.map((j) => j.order)).toEqual(['early', 'late']);
    expect(plan.others.map((j) => j.order)).toEqual(['tomorrow', 'none']);
  });
});

describe('photoList', () => {
  it('keeps http(s) links, one per line or separated, without repeats', () => {
    expect(photoList('https://a/1.jpg\n  http://b/2.png , https://a/1.jpg\nftp://x/y\nnot a url')).toEqual([
      'https://a/1.jpg',
      'http://b/2.png',
    ]);
    expect(photoList('')).toEqual([]);
  });
});

describe('yuan', () => {
  it('formats integer fen', () => {
    expect(yuan(12050)).toBe('¥120.50');
    expect(yuan(5)).toBe('¥0.05');
    expect(yuan(-300)).toBe('-¥3.00');
    expect(yuan(null)).toBe('—');
  });
});

describe('quoteBodyOf', () => {
  it('drops blank rows, trims codes, adds up repeats and keeps quantities in 1..99', () => {
    expect(
      quoteBodyOf(
        [
          { code: ' labor-minor ', quantity: 1 },
          { code: '', quantity: 3 },
          { code: 'labor-minor', quantity: 2 },
          { code: 'on-site' },
        ],
        [{ code: 'P-100', quantity: 0 }, { code: 'P-200', quantity: 150 }, { code: null }],
      ),
    ).toEqual({
      items: [
        { code: 'labor-minor', quantity: 3 },
        { code: 'on-site', quantity: 1 },
      ],
      parts: [
        { partCode: 'P-100', quantity: 1 },
        { partCode: 'P-200', quantity: 99 },
      ],
    });
  });
});

describe('newest', () => {
  it('picks the latest by createdAt or checkedInAt, whatever the order', () => {
    expect(
      newest([
        { createdAt: '2026-12-06T02:00:00Z' },
        { createdAt: '2026-12-06T03:00:00Z' },
        { createdAt: '2026-12-06T01:00:00Z' },
      ]),
    ).toEqual({
      createdAt: '2026-12-06T03:00:00Z',
    });
    expect(
      newest([{ checkedInAt: '2026-12-06T05:00:00Z' }, { checkedInAt: '2026-12-06T04:00:00Z' }])?.checkedInAt,
    ).toBe('2026-12-06T05:00:00Z');
    expect(newest([])).toBeNull();
  });
});
