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

/**
 * A user-supplied string (a name, subject, tag, message…) isolated from the text around it, so a right-to-left
 * override inside it (U+202E) cannot reverse its neighbours such as a timestamp (issue 16).
 */
export function bdi(text: string | null | undefined): HTMLElement {
  return h("bdi", {}, text ?? "");
}

/** The same isolation for plain text (window titles, clipboard, print): first-strong isolate … pop directional isolate. */
export const isolate = (text: string | null | undefined) => `\u2068${text ?? ""}\u2069`;

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
