import { signal } from "@preact/signals";

/** One clock for every relative time on screen, ticking twice a minute. */
const now = signal(Date.now());
setInterval(() => (now.value = Date.now()), 30_000);

const formatter = new Intl.RelativeTimeFormat(undefined, { numeric: "auto", style: "short" });

export function relative(iso: string, at = now.value): string {
  const seconds = Math.round((new Date(iso).getTime() - at) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) {
    return "just now";
  }
  const [value, unit]: [number, Intl.RelativeTimeFormatUnit] =
    abs < 3600 ? [Math.round(seconds / 60), "minute"] : abs < 86_400 ? [Math.round(seconds / 3600), "hour"] : abs < 86_400 * 30 ? [Math.round(seconds / 86_400), "day"] : [Math.round(seconds / (86_400 * 30)), "month"];
  return formatter.format(value, unit);
}

export const fullDate = (iso: string) => new Date(iso).toLocaleString([], { dateStyle: "medium", timeStyle: "short" });

/** "5 min. ago", with the full date and time on hover and for machines. */
export function RelativeTime({ at }: { at: string }) {
  return (
    <time dateTime={at} title={fullDate(at)}>
      {relative(at)}
    </time>
  );
}

/** A duration in minutes as "12 min" or "1 h 5 min". */
export function minutesText(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
}
