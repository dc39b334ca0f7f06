import { useEffect, useState } from "preact/hooks";
import { api, ok } from "../api/client";
import type { SlaSettings } from "../api/types";
import { priorities } from "../api/types";
import { loadSla } from "../actions/sla";
import { propertyId } from "../store/session";
import { Button } from "../ui/Button";

type Run = (action: () => Promise<unknown>) => Promise<boolean>;
type Policy = SlaSettings["policies"][number];
type Interval = SlaSettings["hours"]["week"][number];

const days: Interval["day"][] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const targets = [["firstResponseMinutes", "First response"], ["nextResponseMinutes", "Next response"], ["resolutionMinutes", "Resolution"]] as const;

const clock = (minute: number) => `${String(Math.floor(minute / 60) % 24).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
const minuteOf = (text: string, end: boolean) => {
  const [h, m] = text.split(":").map(Number);
  const minute = (h ?? 0) * 60 + (m ?? 0);
  return end && minute === 0 ? 1440 : minute;
};
const field = (form: HTMLFormElement, name: string) => form.elements.namedItem(name) as HTMLInputElement;

/** SLA-1: policies per priority in business minutes, business hours in a time zone, holidays, and the "breaching soon" window. */
export function SlaSection({ readOnly, run }: { readOnly: boolean; run: Run }) {
  const [settings, setSettings] = useState<SlaSettings | null>(null);
  const [saved, setSaved] = useState(false);
  const params = { path: { propertyId: propertyId.value } };
  useEffect(() => void run(async () => setSettings(await ok(api.GET("/api/v1/properties/{propertyId}/sla", { params })))), [propertyId.value]);
  if (!settings) {
    return null;
  }
  const week = settings.hours.week;
  const policy = (p: string) => settings.policies.find((x) => x.priority === p);
  const zones = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.("timeZone") ?? [];
  return (
    <section class="card" aria-label="SLA policies">
      <h3>SLA policies</h3>
      <p class="muted">Targets count business time only; a pending ticket's clocks pause and a closed conversation's stop. Chats use the Medium policy.</p>
      <form aria-label="SLA settings" key={JSON.stringify(settings)} onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const allDay = field(form, "always").checked;
        const body = {
          enabled: field(form, "enabled").checked,
          breachingSoonMinutes: Number(field(form, "soon").value),
          hours: {
            timeZone: field(form, "zone").value.trim(),
            week: allDay ? [] : days.filter((d) => field(form, `open-${d}`).checked).map((d) => ({
              day: d, opensAtMinute: minuteOf(field(form, `opens-${d}`).value, false), closesAtMinute: minuteOf(field(form, `closes-${d}`).value, true),
            })),
            holidays: field(form, "holidays").value.split(/[\s,]+/).filter(Boolean),
          },
          policies: priorities.map((p) => {
            const minutes = (t: string) => (field(form, `${p}-${t}`).value.trim() === "" ? null : Number(field(form, `${p}-${t}`).value));
            return { priority: p, firstResponseMinutes: minutes("firstResponseMinutes"), nextResponseMinutes: minutes("nextResponseMinutes"), resolutionMinutes: minutes("resolutionMinutes") } as Policy;
          }).filter((p) => p.firstResponseMinutes !== null || p.nextResponseMinutes !== null || p.resolutionMinutes !== null),
        };
        setSaved(false);
        void run(async () => {
          setSettings(await ok(api.PUT("/api/v1/properties/{propertyId}/sla", { params, body })));
          setSaved(true);
          await loadSla();
        });
      }}>
        <div class="settings-grid">
          <label class="toggle"><input type="checkbox" name="enabled" defaultChecked={settings.enabled} disabled={readOnly} /> <span>SLA policies on</span></label>
          <label class="field">
            <span class="field-label">Time zone</span>
            <input name="zone" list="sla-zones" defaultValue={settings.hours.timeZone} disabled={readOnly} required />
            <datalist id="sla-zones">{zones.map((z) => <option value={z} />)}</datalist>
          </label>
          <label class="field"><span class="field-label">Breaching soon: minutes before due</span><input name="soon" type="number" min={1} max={10080} defaultValue={String(settings.breachingSoonMinutes)} disabled={readOnly} /></label>
        </div>
        <table class="agents" data-testid="sla-policies">
          <caption class="sr-only">Targets in business minutes per priority; empty means no target</caption>
          <thead><tr><th>Priority</th>{targets.map(([, label]) => <th>{label} (min)</th>)}</tr></thead>
          <tbody>
            {priorities.map((p) => (
              <tr>
                <td>{p}</td>
                {targets.map(([key, label]) => (
                  <td><input type="number" min={1} name={`${p}-${key}`} aria-label={`${label} target for ${p}, minutes`} defaultValue={policy(p)?.[key]?.toString() ?? ""} disabled={readOnly} /></td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <fieldset class="field">
          <legend class="field-label">Business hours</legend>
          <label class="toggle"><input type="checkbox" name="always" defaultChecked={week.length === 0} disabled={readOnly} /> <span>Around the clock</span></label>
          {days.map((d) => {
            const open = week.find((i) => i.day === d);
            return (
              <div class="settings-row">
                <label class="member"><input type="checkbox" name={`open-${d}`} defaultChecked={week.length === 0 ? !["Saturday", "Sunday"].includes(d) : !!open} disabled={readOnly} /> {d}</label>
                <input type="time" name={`opens-${d}`} aria-label={`${d} opens`} defaultValue={clock(open?.opensAtMinute ?? 540)} disabled={readOnly} />
                <input type="time" name={`closes-${d}`} aria-label={`${d} closes`} defaultValue={clock(open?.closesAtMinute ?? 1020)} disabled={readOnly} />
              </div>
            );
          })}
          <label class="field">
            <span class="field-label">Holidays (dates, YYYY-MM-DD, separated by commas)</span>
            <input name="holidays" defaultValue={settings.hours.holidays.join(", ")} disabled={readOnly} />
          </label>
        </fieldset>
        <div class="settings-row"><Button type="submit" disabled={readOnly}>Save SLA policies</Button><span role="status" class="muted">{saved ? "Saved." : ""}</span></div>
      </form>
    </section>
  );
}
