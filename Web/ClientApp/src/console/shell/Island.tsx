import { useEffect, useRef } from "preact/hooks";

/** A part still drawn by plain DOM code, mounted inside the component tree. */
export function Island({ mount, deps, class: extra }: { mount: (element: HTMLElement) => void; deps: unknown[]; class?: string }) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (root.current) {
      mount(root.current);
    }
  }, deps);
  return <div ref={root} class={extra} />;
}
