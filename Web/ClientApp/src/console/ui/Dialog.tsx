import { signal } from "@preact/signals";
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { Button } from "./Button";

interface Question {
  title: string;
  message?: ComponentChildren;
  confirm: string;
  danger?: boolean;
  /** Asks for a value too (an email, a reason); required unless optional. */
  input?: { label: string; type?: "text" | "email"; value?: string; optional?: boolean; placeholder?: string };
  /** A yes/no choice under the value (for example "also ban their IP address"). */
  check?: { label: string; checked?: boolean };
  answer: (value: string | null, checked?: boolean) => void;
}

/** The question on screen, if any: in-app dialogs replace confirm() and prompt(). */
const question = signal<Question | null>(null);

function askFully(q: Omit<Question, "answer">): Promise<{ value: string; checked: boolean } | null> {
  question.value?.answer(null);
  return new Promise((resolve) => {
    question.value = {
      ...q,
      answer: (value, checked) => {
        question.value = null;
        resolve(value === null ? null : { value, checked: checked ?? false });
      },
    };
  });
}

const ask = async (q: Omit<Question, "answer">) => (await askFully(q))?.value ?? null;

/** Asks before an action; irreversible ones say so and use a danger button. */
export async function confirmAction(title: string, options: { message?: ComponentChildren; confirm: string; danger?: boolean }): Promise<boolean> {
  return (await ask({ title, ...options })) !== null;
}

/** Asks for a value; null when the agent cancels. */
export function askValue(title: string, options: { message?: ComponentChildren; confirm: string; input: NonNullable<Question["input"]>; danger?: boolean }): Promise<string | null> {
  return ask({ title, ...options });
}

/** Asks for a value and a yes/no choice; null when the agent cancels. */
export function askValueAndChoice(title: string, options: {
  message?: ComponentChildren; confirm: string; input: NonNullable<Question["input"]>; check?: Question["check"]; danger?: boolean;
}): Promise<{ value: string; checked: boolean } | null> {
  return askFully({ title, ...options });
}

/** Renders the current question as a modal dialog (focus trapped by the browser, Escape cancels). */
export function DialogHost() {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const check = useRef<HTMLInputElement>(null);
  const q = question.value;
  useEffect(() => {
    if (q && dialog.current && !dialog.current.open) {
      dialog.current.showModal();
      (input.current ?? dialog.current.querySelector<HTMLElement>("[data-confirm]"))?.focus();
    } else if (!q && dialog.current?.open) {
      dialog.current.close();
    }
  }, [q]);
  if (!q) {
    return <dialog ref={dialog} class="dialog" aria-label="Question" />;
  }
  return (
    <dialog ref={dialog} class="dialog" aria-labelledby="dialog-title" aria-describedby={q.message ? "dialog-message" : undefined} onCancel={(e) => {
      e.preventDefault();
      q.answer(null);
    }}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          q.answer(input.current ? input.current.value.trim() : "", check.current?.checked ?? false);
        }}
      >
        <h2 id="dialog-title">{q.title}</h2>
        {q.message && <p id="dialog-message">{q.message}</p>}
        {q.input && (
          <label class="field">
            <span class="field-label">{q.input.label}</span>
            {q.input.type === "email"
              ? <input ref={input} type="email" value={q.input.value ?? ""} required={!q.input.optional} placeholder={q.input.placeholder} maxLength={254} />
              : <input ref={input} type="text" value={q.input.value ?? ""} required={!q.input.optional} placeholder={q.input.placeholder} maxLength={254} />}
          </label>
        )}
        {q.check && (
          <label class="check">
            <input ref={check} type="checkbox" defaultChecked={q.check.checked ?? false} /> {q.check.label}
          </label>
        )}
        <div class="dialog-actions">
          <Button onClick={() => q.answer(null)}>Cancel</Button>
          <Button type="submit" variant={q.danger ? "danger" : "primary"} data-confirm="">
            {q.confirm}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
