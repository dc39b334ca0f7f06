import { api, propertyPath } from "./api";
import { renderDetails, renderHistory } from "./details";
import { busy, h } from "../../shared/dom";
import { renderKnowledgeBaseEditor } from "./kbEditor";

interface SearchHit {
  articleId: string;
  title: string;
  status: string;
  snippetHtml: string;
}

interface Shortcut {
  name: string;
  message: string;
}

export interface Sidebar {
  /** The visitor of the open conversation, for the Details and History tabs. */
  showVisitor(visitorId: string | null): void;
}

/** The right-hand tabs while answering: Details, Knowledge Base (KB-2), Shortcuts (KB-3) and History (VIS-5). */
export function renderSidebar(
  pane: HTMLElement, propertyId: () => string, open: (kind: "chat" | "ticket", id: string) => void, isAdmin: () => boolean,
): Sidebar {
  let visitorId: string | null = null;
  const body = h("div", { class: "sidebar-body" });
  const error = h("p", { class: "error", role: "alert" });
  const needVisitor = (render: (id: string) => Promise<void>) => () => {
    if (!visitorId) {
      body.replaceChildren(h("p", { class: "muted" }, "Open a conversation with a known visitor to see this."));
      return;
    }
    void busy(null, error, () => render(visitorId!));
  };
  const tabs: [string, () => void][] = [
    ["Details", needVisitor((id) => renderDetails(body, propertyId(), id))],
    ["Knowledge Base", () => {
      knowledgeBase(body, propertyId());
      if (isAdmin()) {
        void busy(null, error, () => renderKnowledgeBaseEditor(body, propertyId()));
      }
    }],
    ["Shortcuts", () => void shortcuts(body, propertyId())],
    ["History", () => void busy(null, error, () => renderHistory(body, propertyId(), visitorId, open))],
  ];
  let current = 1;
  const buttons = tabs.map(([label], index) => {
    const button = h("button", { type: "button", role: "tab", "aria-selected": String(index === current) }, label);
    button.addEventListener("click", () => select(index));
    return button;
  });
  const select = (index: number) => {
    current = index;
    buttons.forEach((b, i) => b.setAttribute("aria-selected", String(i === index)));
    tabs[index][1]();
  };
  pane.replaceChildren(h("div", { role: "tablist", class: "tabs" }, ...buttons), error, body);
  select(current);
  return {
    showVisitor(id) {
      visitorId = id;
      if (current === 0 || current === 3) {
        select(current);
      }
    },
  };
}

/** Puts text into the reply box of the open conversation. */
function insertIntoReply(text: string): void {
  const reply = document.querySelector<HTMLTextAreaElement>("#detail .composer textarea");
  if (reply) {
    reply.value = reply.value ? `${reply.value}\n${text}` : text;
    reply.focus();
  }
}

/** Snippets carry escaped text with <mark> around matches; rebuilt node by node so nothing else can pass. */
function snippet(html: string): HTMLElement {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body.firstElementChild;
  const out = h("p", { class: "snippet", dir: "auto" });
  for (const node of parsed?.childNodes ?? []) {
    out.append(node.nodeName === "MARK" ? h("mark", {}, node.textContent ?? "") : (node.textContent ?? ""));
  }
  return out;
}

function knowledgeBase(body: HTMLElement, propertyId: string): void {
  const query = h("input", { type: "search", placeholder: "Search articles", "aria-label": "Search articles" });
  const results = h("ul", { class: "results", "data-testid": "kb-results" });
  const error = h("p", { class: "error", role: "alert" });
  let timer = 0;
  query.addEventListener("input", () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => void search(), 200);
  });
  const search = () =>
    busy(null, error, async () => {
      if (!query.value.trim()) {
        results.replaceChildren();
        return;
      }
      const hits = await api<SearchHit[]>("GET", `${propertyPath(propertyId)}/articles/search?q=${encodeURIComponent(query.value)}&includeDrafts=true`);
      results.replaceChildren(
        ...(hits.length === 0
          ? [h("li", { class: "muted" }, "No article matches.")]
          : hits.map((hit) => {
              const insert = h("button", { type: "button" }, "Insert");
              insert.addEventListener("click", () =>
                busy(insert, error, async () => {
                  const article = await api<{ text: string }>("GET", `${propertyPath(propertyId)}/articles/${hit.articleId}`);
                  insertIntoReply(article.text);
                }));
              return h("li", {}, h("strong", { dir: "auto" }, hit.title), hit.status === "Draft" ? h("span", { class: "badge" }, "Draft") : null, snippet(hit.snippetHtml), insert);
            })),
      );
    });
  body.replaceChildren(query, error, results);
}

async function shortcuts(body: HTMLElement, propertyId: string): Promise<void> {
  const query = h("input", { type: "search", placeholder: "Search shortcuts", "aria-label": "Search shortcuts" });
  const results = h("ul", { class: "results", "data-testid": "shortcut-results" });
  const error = h("p", { class: "error", role: "alert" });
  const name = h("input", { placeholder: "name", "aria-label": "Shortcut name", maxlength: "32" });
  const message = h("textarea", { placeholder: "Message", "aria-label": "Shortcut message", maxlength: "4000", rows: "2" });
  const add = h("button", { type: "submit" }, "Add New Shortcut");
  const form = h("form", { class: "new-shortcut" }, name, message, add);

  const load = () =>
    busy(null, error, async () => {
      const q = query.value.trim();
      const found = await api<Shortcut[]>("GET", `${propertyPath(propertyId)}/shortcuts${q ? `?q=${encodeURIComponent(q)}` : ""}`);
      results.replaceChildren(
        ...(found.length === 0
          ? [h("li", { class: "muted" }, q ? "No shortcut matches." : "No shortcuts yet. Add one below.")]
          : found.map((s) => {
              const use = h("button", { type: "button" }, "Insert");
              use.addEventListener("click", () => insertIntoReply(s.message));
              return h("li", {}, h("code", {}, `/${s.name}`), h("p", { dir: "auto" }, s.message), use);
            })),
      );
    });
  query.addEventListener("input", () => void load());
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void busy(add, error, async () => {
      await api("POST", `${propertyPath(propertyId)}/shortcuts`, { name: name.value.trim(), message: message.value });
      name.value = "";
      message.value = "";
      await load();
    });
  });
  body.replaceChildren(query, error, results, form);
  await load();
}
