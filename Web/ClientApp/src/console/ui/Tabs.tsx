import type { ComponentChildren } from "preact";

/** A tab list (arrow keys move between tabs); the caller renders the selected panel. */
export function Tabs<T extends string>({ label, tabs, selected, onSelect, children }: {
  label: string;
  tabs: [T, string][];
  selected: T;
  onSelect: (tab: T) => void;
  children?: ComponentChildren;
}) {
  const move = (e: KeyboardEvent) => {
    const index = tabs.findIndex(([id]) => id === selected);
    const delta = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (delta) {
      e.preventDefault();
      const [next] = tabs[(index + delta + tabs.length) % tabs.length];
      onSelect(next);
      (e.currentTarget as HTMLElement).querySelector<HTMLElement>(`[data-tab="${next}"]`)?.focus();
    }
  };
  return (
    <div class="tabs" role="tablist" aria-label={label} onKeyDown={move}>
      {tabs.map(([id, name]) => (
        <button type="button" role="tab" data-tab={id} aria-selected={id === selected} tabIndex={id === selected ? 0 : -1} onClick={() => onSelect(id)}>
          {name}
        </button>
      ))}
      {children}
    </div>
  );
}
