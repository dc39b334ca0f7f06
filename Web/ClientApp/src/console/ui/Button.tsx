import type { ButtonHTMLAttributes, ComponentChildren } from "preact";

type Variant = "primary" | "secondary" | "ghost" | "danger";

export type ButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "size"> & {
  variant?: Variant;
  size?: "sm" | "md";
  busy?: boolean;
  children?: ComponentChildren;
};

/** The console's one button: primary (the main action of a place), secondary, ghost (toolbar) or danger. */
export function Button({ variant = "secondary", size = "md", busy = false, class: extra, children, disabled, type, ...rest }: ButtonProps) {
  return (
    <button
      type={type ?? "button"}
      class={`btn btn-${variant}${size === "sm" ? " btn-sm" : ""}${extra ? ` ${extra}` : ""}`}
      disabled={disabled || busy}
      aria-busy={busy ? "true" : undefined}
      {...rest}
    >
      {children}
    </button>
  );
}
