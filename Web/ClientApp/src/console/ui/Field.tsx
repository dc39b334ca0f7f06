import type { ComponentChildren } from "preact";

/** A control with its visible label (above it, or inline beside it). */
export function Field({ label, children, inline = false, class: extra }: { label: ComponentChildren; children: ComponentChildren; inline?: boolean; class?: string }) {
  return (
    <label class={`field${inline ? " field-inline" : ""}${extra ? ` ${extra}` : ""}`}>
      <span class="field-label">{label}</span>
      {children}
    </label>
  );
}
