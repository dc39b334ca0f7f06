import type { ComponentChildren } from "preact";

export type Tone = "neutral" | "info" | "success" | "warning" | "danger" | "accent";

/** A small rounded label: statuses, tags, counts. */
export function Chip({ tone = "neutral", children, testId, title }: { tone?: Tone; children: ComponentChildren; testId?: string; title?: string }) {
  return (
    <span class={`chip chip-${tone}`} data-testid={testId} title={title}>
      {children}
    </span>
  );
}

const statusTones: Record<string, Tone> = { Open: "success", Pending: "warning", Closed: "neutral", Trashed: "danger", Spam: "danger", Purged: "danger" };

export const statusTone = (status: string): Tone => statusTones[status] ?? "neutral";

const priorityTones: Record<string, Tone> = { Lowest: "neutral", Low: "neutral", Medium: "info", High: "warning", Highest: "danger" };

export const priorityTone = (priority: string): Tone => priorityTones[priority] ?? "neutral";
