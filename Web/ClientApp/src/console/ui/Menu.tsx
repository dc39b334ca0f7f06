import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";

export interface MenuItem {
  label: ComponentChildren;
  onSelect: () => void;
  danger?: boolean;
  disabled?: boolean;
  /** Shown as the current choice (menuitemradio). */
  checked?: boolean;
}

/**
 * A button that opens a list of actions (the WAI-ARIA menu button): arrows move, Enter chooses, Escape or a click
 * elsewhere closes and gives focus back to the button.
 */
export function Menu({ label, button, items, disabled = false, align = "start", class: extra, testId }: {
  label: string;
  button: ComponentChildren;
  items: MenuItem[];
  disabled?: boolean;
  align?: "start" | "end";
  class?: string;
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) {
      return;
    }
    root.current?.querySelector<HTMLElement>("[role^=menuitem]:not([disabled])")?.focus();
    const outside = (e: MouseEvent) => !root.current?.contains(e.target as Node) && setOpen(false);
    document.addEventListener("mousedown", outside);
    return () => document.removeEventListener("mousedown", outside);
  }, [open]);

  const close = (focus = true) => {
    setOpen(false);
    if (focus) {
      trigger.current?.focus();
    }
  };
  const keys = (e: KeyboardEvent) => {
    const entries = [...(root.current?.querySelectorAll<HTMLElement>("[role^=menuitem]:not([disabled])") ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => {
      e.preventDefault();
      entries[(i + entries.length) % entries.length]?.focus();
    };
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === "ArrowDown") {
      go(at + 1);
    } else if (e.key === "ArrowUp") {
      go(at - 1);
    } else if (e.key === "Home") {
      go(0);
    } else if (e.key === "End") {
      go(-1);
    } else if (e.key === "Tab") {
      close(false);
    }
  };

  return (
    <div class={`menu${extra ? ` ${extra}` : ""}`} ref={root} onKeyDown={open ? keys : undefined}>
      <button
        ref={trigger}
        type="button"
        class="btn btn-secondary menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={label}
        title={label}
        disabled={disabled}
        data-testid={testId}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {button}
      </button>
      {open && (
        <div class={`menu-items menu-${align}`} role="menu">
          {items.map((item) => (
            <button
              type="button"
              role={item.checked === undefined ? "menuitem" : "menuitemradio"}
              aria-checked={item.checked === undefined ? undefined : item.checked}
              class={item.danger ? "danger" : undefined}
              disabled={item.disabled}
              tabIndex={-1}
              onClick={() => {
                close();
                item.onSelect();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
