// The session fields a column of another tracker's CSV can feed, and the format choices the
// user makes once per file layout. Pure data: shared by detection, the mapping form and the
// row mapper, so a field has one name and one label everywhere.

export const TRACKER_FIELDS = [
  'date',
  'start',
  'end',
  'duration',
  'breakMinutes',
  'kind',
  'game',
  'venue',
  'stakes',
  'smallBlind',
  'bigBlind',
  'currency',
  'buyIn',
  'rebuys',
  'fee',
  'cashOut',
  'profit',
  'expenses',
  'hands',
  'place',
  'fieldSize',
  'notes',
  'tags',
] as const;
export type TrackerField = (typeof TRACKER_FIELDS)[number];

export const TRACKER_FIELD_LABELS: Readonly<Record<TrackerField, string>> = {
  date: 'Date',
  start: 'Start (date and time, or time)',
  end: 'End (date and time, or time)',
  duration: 'Duration',
  breakMinutes: 'Breaks (minutes)',
  kind: 'Type (cash or tournament)',
  game: 'Game',
  venue: 'Where (site or venue)',
  stakes: 'Stakes (e.g. 1/2)',
  smallBlind: 'Small blind',
  bigBlind: 'Big blind',
  currency: 'Currency',
  buyIn: 'Buy-in',
  rebuys: 'Rebuys and add-ons',
  fee: 'Tournament fee',
  cashOut: 'Cash-out',
  profit: 'Profit (result)',
  expenses: 'Expenses and tips',
  hands: 'Hands played',
  place: 'Place (tournament)',
  fieldSize: 'Field size',
  notes: 'Notes',
  tags: 'Tags',
};

/** How a date cell is written; a time ("19:30", "7:30 PM") may follow it. */
export const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
export const DATE_FORMAT_LABELS: Readonly<Record<DateFormat, string>> = {
  'YYYY-MM-DD': 'YYYY-MM-DD (2026-03-14)',
  'DD/MM/YYYY': 'DD/MM/YYYY (14/03/2026)',
  'MM/DD/YYYY': 'MM/DD/YYYY (03/14/2026)',
};

export const DURATION_UNITS = ['minutes', 'hours'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** "1,234.50" or "1.234,50". */
export const DECIMAL_SEPARATORS = ['.', ','] as const;
export type DecimalSeparator = (typeof DECIMAL_SEPARATORS)[number];
