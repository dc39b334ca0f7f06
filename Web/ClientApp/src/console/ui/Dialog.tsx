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
  /** One of several options, as radio buttons (the answer is the chosen value). */
  choice?: { label: string; options: { value: string; label: string }[] };
  /** A second way to answer besides Cancel (for example "Edit" beside "Send anyway"): answers null, like Cancel. */
  cancel?: string;
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

/** Asks to pick one of several options; null when the agent cancels. */
export function askChoice(title: string, options: { message?: ComponentChildren; confirm: string; choice: NonNullable<Question["choice"]>; danger?: boolean }): Promise<string | null> {
  return ask({ title, ...options });
}

/** Asks before an action with a named way back (for example "Edit"); false when the agent takes it or cancels. */
export async function confirmOrBack(title: string, options: { message?: ComponentChildren; confirm: string; cancel: string }): Promise<boolean> {
  return (await ask({ title, ...options })) !== null;
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
          const chosen = e.currentTarget.querySelector<HTMLInputElement>("input[name=dialog-choice]:checked");
          q.answer(chosen ? chosen.value : input.current ? input.current.value.trim() : "", check.current?.checked ?? false);
        }}
      >
        <h2 id="dialog-title">{q.title}</h2>
        {q.message && <div id="dialog-message">{q.message}</div>}
        {q.input && (
          <label class="field">
            <span class="field-label">{q.input.label}</span>
            {q.input.type === "email"
              ? <input ref={input} type="email" value={q.input.value ?? ""} required={!q.input.optional} placeholder={q.input.placeholder} maxLength={254} />
              : <input ref={input} type="text" value={q.input.value ?? ""} required={!q.input.optional} placeholder={q.input.placeholder} maxLength={254} />}
          </label>
        )}
        {q.choice && (
          <fieldset class="field choice">
            <legend class="field-label">{q.choice.label}</legend>
            {q.choice.options.map((o, i) => (
              <label class="check">
                <input type="radio" name="dialog-choice" value={o.value} defaultChecked={i === 0} required /> <bdi>{o.label}</bdi>
              </label>
            ))}
          </fieldset>
        )}
        {q.check && (
          <label class="check">
            <input ref={check} type="checkbox" defaultChecked={q.check.checked ?? false} /> {q.check.label}
          </label>
        )}
        <div class="dialog-actions">
          <Button onClick={() => q.answer(null)}>{q.cancel ?? "Cancel"}</Button>
          <Button type="submit" variant={q.danger ? "danger" : "primary"} data-confirm="">
            {q.confirm}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
