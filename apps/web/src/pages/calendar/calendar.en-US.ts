import type { calendarZhCN } from './calendar.zh-CN.ts';

/** English resources of the business-calendar page (spread into i18n/en-US.ts). */
export const calendarEnUS: typeof calendarZhCN = {
  calendar: {
    title: 'Business calendar',
    intro:
      'Public holidays and adjusted working days come from the State Council notices (data shipped with the system); add local holidays, extra working days or a year the data lacks here. Working-time SLAs are counted with this calendar.',
    brand: 'Brand',
    brandPlaceholder: 'Choose a brand',
    year: 'Year',
    notCovered:
      'The official holidays of {{year}} are not shipped yet: Monday to Friday count as working days. When the State Council publishes the notice, add its days off and adjusted working days here, day by day.',
    hours: 'Working hours',
    hoursSource: { pack: 'from policy pack {{pack}}', default: 'default (the pack sets none)' },
    days: 'Working days',
    dayModes: {
      official: 'Official working days (weekends and holidays off, adjusted days worked)',
      'except-holidays': 'Every day except public holidays',
      'every-day': 'Every day, holidays included',
    },
    dailyMinutes: '{{hours}} hours per working day',
    yearView: 'Year at a glance',
    legend: {
      working: 'Working day',
      off: 'Day off',
      holiday: 'Public holiday',
      adjusted: 'Adjusted working day',
      override: 'Local change',
    },
    list: 'Holidays and changes',
    date: 'Date',
    weekday: 'Day',
    /** Column heads of the year view, Monday first. */
    weekShort: 'MTWTFSS',
    weekdays: { sun: 'Sun', mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat' },
    name: 'Name',
    kind: 'Kind',
    kinds: {
      holiday: 'Public holiday',
      adjusted_working: 'Adjusted working day',
      day_off: 'Day off (local)',
      extra_working: 'Working day (local)',
    },
    source: 'Source',
    sources: { official: 'State Council', national: 'National change', brand: 'This brand' },
    division: 'Area',
    allRegions: 'Nationwide',
    add: 'Add a change',
    addTitle: 'Add a calendar change',
    scope: 'Applies to',
    scopes: { brand: 'This brand', national: 'Nationwide (every brand)' },
    divisionPrefix: 'Division prefix',
    divisionPrefixHint:
      'Empty for the whole country; 2 digits for a province (44), 4 for a city (4403) or 6 for a county',
    divisionPrefixInvalid: 'Enter 2, 4 or 6 digits',
    working: 'That day',
    workingOptions: { off: 'Day off (local holiday, closed)', on: 'Working (extra working day)' },
    namePlaceholder: 'e.g. Guangxi San Yue San, Spring Festival 2027',
    required: 'Required',
    added: 'Added; the SLAs of the orders concerned were recomputed',
    deleteConfirm: 'Delete the change "{{name}}" on {{date}}? The SLAs of the orders concerned will be recomputed.',
    deleted: 'Deleted',
    empty: 'No holidays or changes this year',
  },
};
