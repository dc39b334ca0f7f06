/**
 * A bar chart in plain SVG (RPT-1): a few hundred bars need no chart library, the console stays small, and the numbers are
 * also in a visually hidden table for screen readers. Null values draw no bar.
 */
export function BarChart({ label, labels, values, unit = "", height = 140 }: { label: string; labels: string[]; values: (number | null)[]; unit?: string; height?: number }) {
  const max = Math.max(1, ...values.map((v) => v ?? 0));
  const width = Math.max(240, labels.length * 14);
  const step = width / Math.max(1, labels.length);
  const bar = Math.max(2, step * 0.7);
  const every = Math.ceil(labels.length / 12);
  if (values.every((v) => v === null || v === 0)) {
    return (
      <figure class="chart">
        <figcaption>{label}</figcaption>
        <p class="muted chart-empty" role="img" aria-label={`${label}: no data in this period`}>No data in this period. Widen the dates or choose Everyone.</p>
      </figure>
    );
  }
  return (
    <figure class="chart">
      <figcaption>{label} <span class="muted">(max {format(max)}{unit})</span></figcaption>
      <svg viewBox={`0 0 ${width} ${height + 18}`} preserveAspectRatio="none" role="img" aria-label={label} width="100%" height={height + 18} style={{ overflow: "visible" }}>
        <line x1={0} y1={height} x2={width} y2={height} class="chart-axis" />
        {values.map((v, i) => v === null || v === 0 ? null : (
          <rect x={i * step + (step - bar) / 2} y={height - (v / max) * height} width={bar} height={(v / max) * height} class="chart-bar">
            <title>{`${labels[i]}: ${format(v)}${unit}`}</title>
          </rect>
        ))}
        {labels.map((l, i) => i % every === 0 ? <text x={i * step + step / 2} y={height + 14} text-anchor="middle" class="chart-label">{l}</text> : null)}
      </svg>
      <table class="sr-only">
        <caption>{label}</caption>
        <tbody>{labels.map((l, i) => <tr><th scope="row">{l}</th><td>{values[i] === null ? "—" : `${format(values[i]!)}${unit}`}</td></tr>)}</tbody>
      </table>
    </figure>
  );
}

const format = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
