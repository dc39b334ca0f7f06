/** Small DOM helpers: every text goes through textContent, never innerHTML. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) {
      element.setAttribute(name, "");
    } else if (typeof value === "string") {
      element.setAttribute(name, value);
    }
  }
  element.append(...children.filter((c): c is Node | string => c != null));
  return element;
}

export function option(value: string, label: string, selected = false): HTMLOptionElement {
  const element = h("option", { value }, label);
  element.selected = selected;
  return element;
}

/** Runs an action with the button disabled and a busy label, showing a failure in <paramref name="error"/>. */
export async function busy(button: HTMLButtonElement | null, error: HTMLElement, action: () => Promise<void>): Promise<void> {
  const label = button?.textContent ?? "";
  error.textContent = "";
  if (button) {
    button.disabled = true;
    button.textContent = "Working…";
  }
  try {
    await action();
  } catch (e) {
    error.textContent = e instanceof Error ? e.message : String(e);
  } finally {
    if (button) {
      button.disabled = false;
      button.textContent = label;
    }
  }
}
