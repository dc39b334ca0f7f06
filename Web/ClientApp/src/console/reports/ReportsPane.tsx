import { useEffect, useState } from "preact/hooks";
import { api, errorMessage, ok } from "../api/client";
import type { ReportFigures, ReportView } from "../api/types";
import { propertyId } from "../store/session";
import { agents, departments } from "../store/team";
import { BarChart } from "../ui/BarChart";
import { duration } from "./duration";

const day = (d: Date) => d.toISOString().slice(0, 10);

/** An attainment (0..1) in per cent, or null when no SLA target was decided. */
const share = (value: number | string | null) => (value === null ? null : Math.round(Number(value) * 1000) / 10);
const percent = (value: number | string | null) => (value === null ? "—" : `${share(value)} %`);

/** Reports (RPT-1): a period, optionally one agent or department; figures, charts, a breakdown and CSV export. */
export function ReportsPane() {
  const today = new Date();
  const [from, setFrom] = useState(day(new Date(today.getTime() - 29 * 86400000)));
  const [to, setTo] = useState(day(today));
  const [scope, setScope] = useState("");
  const [report, setReport] = useState<ReportView | null>(null);
  const [error, setError] = useState("");
  const query = () => {
    const [kind, id] = scope.split(":");
    return { from, to, agentId: kind === "agent" ? id : undefined, departmentId: kind === "department" ? id : undefined };
  };
  useEffect(() => {
    setError("");
    ok(api.GET("/api/v1/properties/{propertyId}/reports", { params: { path: { propertyId: propertyId.value }, query: { ...query(), breakdown: true } } }))
      .then(setReport)
      .catch((e) => setError(`The report could not be loaded: ${errorMessage(e)}`));
  }, [propertyId.value, from, to, scope]);
  const csv = `/api/v1/properties/${encodeURIComponent(propertyId.value)}/reports/csv?` + new URLSearchParams(Object.entries(query()).filter(([, v]) => v) as [string, string][]);
  const agentName = (id: string) => agents.value.find((a) => a.id === id)?.name ?? id;
  const departmentName = (id: string) => departments.value.find((d) => d.id === id)?.name ?? id;
  return (
    <div class="settings-scroll">
      <div class="settings reports">
        <h2>Reports</h2>
        <form class="settings-row" aria-label="Report period" onSubmit={(e) => e.preventDefault()}>
          <label class="field"><span class="field-label">From (UTC day)</span><input type="date" name="from" value={from} max={to} onChange={(e) => setFrom(e.currentTarget.value)} /></label>
          <label class="field"><span class="field-label">To (UTC day)</span><input type="date" name="to" value={to} min={from} onChange={(e) => setTo(e.currentTarget.value)} /></label>
          <label class="field">
            <span class="field-label">Of</span>
            <select name="scope" value={scope} onChange={(e) => setScope(e.currentTarget.value)}>
              <option value="">Everyone</option>
              {agents.value.map((a) => <option value={`agent:${a.id}`}>{a.name}</option>)}
              {departments.value.map((d) => <option value={`department:${d.id}`}>{d.name} (department)</option>)}
            </select>
          </label>
          <a class="btn btn-secondary" href={csv} download data-testid="report-csv">Download CSV</a>
        </form>
        <p class="error" role="alert">{error}</p>
        {!report && !error && <p class="muted" aria-busy="true">Loading the report…</p>}
        {report && (
          <>
            <Figures figures={report.totals} />
            <section class="card" aria-label="Charts">
              <BarChart label="New conversations per day" labels={report.days.map((d) => d.day.slice(5))} values={report.days.map((d) => Number(d.figures.chats) + Number(d.figures.tickets))} />
              <BarChart label="First response p50 per day" labels={report.days.map((d) => d.day.slice(5))} values={report.days.map((d) => d.figures.firstResponseP50 === null ? null : Number(d.figures.firstResponseP50) / 60)} unit=" min" />
              <BarChart label="SLA attainment per day" labels={report.days.map((d) => d.day.slice(5))} values={report.days.map((d) => share(d.figures.slaAttainment))} unit=" %" />
              <BarChart label="New conversations by hour of day (UTC)" labels={report.byHour.map((_, h) => String(h))} values={report.byHour.map(Number)} />
            </section>
            <Breakdown title="By agent" rows={report.agents.map((r) => ({ name: agentName(r.id), figures: r.figures }))} />
            <Breakdown title="By department" rows={report.departments.map((r) => ({ name: departmentName(r.id), figures: r.figures }))} />
          </>
        )}
      </div>
    </div>
  );
}

function Figures({ figures }: { figures: ReportFigures }) {
  const items: [string, string][] = [
    ["Chats", String(figures.chats)],
    ["Tickets", String(figures.tickets)],
    ["Missed chats", String(figures.missed)],
    ["Resolved", String(figures.resolved)],
    ["First response p50", duration(figures.firstResponseP50)],
    ["First response p90", duration(figures.firstResponseP90)],
    ["Resolution p50", duration(figures.resolutionP50)],
    ["Resolution p90", duration(figures.resolutionP90)],
    ["Ratings good / bad", `${figures.ratingsGood} / ${figures.ratingsBad}`],
    ["SLA attained", percent(figures.slaAttainment)],
    ["SLA targets met / breached", `${figures.slaMet} / ${figures.slaBreached}`],
    ["First response SLA", percent(figures.firstResponseSlaAttainment)],
    ["Next response SLA", percent(figures.nextResponseSlaAttainment)],
    ["Resolution SLA", percent(figures.resolutionSlaAttainment)],
  ];
  return (
    <dl class="report-figures" data-testid="report-figures">
      {items.map(([k, v]) => <div data-figure={k}><dt>{k}</dt><dd>{v}</dd></div>)}
    </dl>
  );
}

function Breakdown({ title, rows }: { title: string; rows: { name: string; figures: ReportFigures }[] }) {
  if (rows.length === 0) {
    return null;
  }
  return (
    <section class="card" aria-label={title}>
      <h3>{title}</h3>
      <table class="report-table">
        <thead><tr><th scope="col">Name</th><th scope="col">Chats</th><th scope="col">Tickets</th><th scope="col">Missed</th><th scope="col">Resolved</th><th scope="col">First response p50</th><th scope="col">Resolution p50</th><th scope="col">Ratings good / bad</th><th scope="col">SLA attained</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row"><bdi>{r.name}</bdi></th><td>{r.figures.chats}</td><td>{r.figures.tickets}</td><td>{r.figures.missed}</td><td>{r.figures.resolved}</td>
              <td>{duration(r.figures.firstResponseP50)}</td><td>{duration(r.figures.resolutionP50)}</td><td>{r.figures.ratingsGood} / {r.figures.ratingsBad}</td><td>{percent(r.figures.slaAttainment)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
