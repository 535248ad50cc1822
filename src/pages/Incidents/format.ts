const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration for people: the two largest units, e.g. "45s", "12m", "3h 20m", "2d 4h"; "–" when unknown. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) {
    return '–';
  }
  const abs = Math.max(0, Math.round(ms));
  if (abs < MINUTE) {
    return `${Math.floor(abs / SECOND)}s`;
  }
  const units: Array<[number, string]> = [
    [DAY, 'd'],
    [HOUR, 'h'],
    [MINUTE, 'm'],
  ];
  const start = units.findIndex(([size]) => abs >= size);
  const [big, bigLabel] = units[start];
  const first = Math.floor(abs / big);
  const next = units[start + 1];
  if (!next) {
    return `${first}${bigLabel}`;
  }
  const second = Math.floor((abs % big) / next[0]);
  return second === 0 ? `${first}${bigLabel}` : `${first}${bigLabel} ${second}${next[1]}`;
}

/** A start time in the viewer's locale, e.g. "Nov 28, 10:00". */
export function formatTime(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
