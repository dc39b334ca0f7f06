/** Seconds as a short readable duration ("45 s", "12 min", "3.5 h", "2.1 d"); "—" when nothing was counted. */
export function duration(seconds: number | string | null | undefined): string {
  if (seconds === null || seconds === undefined || seconds === "") {
    return "—";
  }
  const s = Number(seconds);
  if (s < 90) return `${Math.round(s)} s`;
  if (s < 90 * 60) return `${Math.round(s / 60)} min`;
  if (s < 36 * 3600) return `${(s / 3600).toFixed(1)} h`;
  return `${(s / 86400).toFixed(1)} d`;
}
