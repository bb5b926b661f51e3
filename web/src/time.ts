const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const absolute = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago"… */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size || unit === 'minute') return relative.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

export function absoluteTime(iso: string): string {
  return absolute.format(new Date(iso));
}

/**
 * How long until a moment in the future, counted in days once it is a day or more away ("in 29 days", "tomorrow"), so
 * that a trash retention reads as the number of days it is configured in.
 */
export function timeUntil(iso: string, now: number = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const day = 24 * 3600;
  if (seconds >= day) return relative.format(Math.round(seconds / day), 'day');
  if (seconds >= 3600) return relative.format(Math.round(seconds / 3600), 'hour');
  if (seconds >= 60) return relative.format(Math.round(seconds / 60), 'minute');
  return 'in less than a minute';
}
