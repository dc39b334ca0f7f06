import { api, propertyPath } from "./api";
import { busy, h, option } from "../../shared/dom";
import { confirmAction } from "../ui/Dialog";

interface KnowledgeBaseSummary {
  id: string;
  name: string;
}

interface KnowledgeBaseView {
  id: string;
  name: string;
  categories: { id: string; name: string }[];
  articles: { id: string; categoryId: string | null; title: string; slug: string; status: string }[];
}

interface Article {
  id: string;
  title: string;
  slug: string;
  body: string;
  status: string;
  categoryId: string | null;
}

const slugOf = (title: string) => title.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80);

/** Admins' editing of knowledge bases, categories and articles (KB-1), under the Knowledge Base tab. */
export async function renderKnowledgeBaseEditor(body: HTMLElement, propertyId: string): Promise<void> {
  const base = `${propertyPath(propertyId)}/knowledge-bases`;
  const error = h("p", { class: "error", role: "alert" });
  const bases = await api<KnowledgeBaseSummary[]>("GET", base);
  const picker = h("select", { "aria-label": "Knowledge base" }, ...bases.map((b) => option(b.id, b.name)));
  const newBase = h("input", { placeholder: "New knowledge base", "aria-label": "New knowledge base name", maxlength: "100" });
  const addBase = h("button", { type: "button" }, "Create");
  const editor = h("div", { class: "kb-editor" });
  addBase.addEventListener("click", () =>
    void busy(addBase, error, async () => {
      await api("POST", base, { name: newBase.value.trim() });
      await renderKnowledgeBaseEditor(body, propertyId);
    }));
  picker.addEventListener("change", () => void busy(null, error, () => renderBase(picker.value)));

  const renderBase = async (id: string) => {
    const kb = await api<KnowledgeBaseView>("GET", `${base}/${id}?includeDrafts=true`);
    const title = h("input", { placeholder: "Title", "aria-label": "Article title", maxlength: "150" });
    const slug = h("input", { placeholder: "slug", "aria-label": "Article slug", maxlength: "80" });
    const text = h("textarea", { placeholder: "Body (Markdown)", "aria-label": "Article body", rows: "6" });
    const status = h("select", { "aria-label": "Article status" }, option("Draft", "Draft"), option("Published", "Published"));
    const category = h("select", { "aria-label": "Article category" }, option("", "No category"), ...kb.categories.map((c) => option(c.id, c.name)));
    const save = h("button", { type: "submit" }, "Save article");
    const remove = h("button", { type: "button", hidden: true }, "Delete article");
    let editing: string | null = null;
    title.addEventListener("input", () => {
      if (!editing) {
        slug.value = slugOf(title.value);
      }
    });
    const form = h("form", { class: "profile-form", "aria-label": "Article" }, title, slug, text, status, category, save, remove);
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      void busy(save, error, async () => {
        const input = { title: title.value, slug: slug.value, body: text.value, status: status.value, categoryId: category.value || null };
        await api(editing ? "PUT" : "POST", editing ? `${base}/${id}/articles/${editing}` : `${base}/${id}/articles`, input);
        await renderBase(id);
      });
    });
    remove.addEventListener("click", async () => {
      if (editing && await confirmAction("Delete this article?", { message: "This cannot be undone.", confirm: "Delete article", danger: true })) {
        void busy(remove, error, async () => {
          await api("DELETE", `${base}/${id}/articles/${editing}`);
          await renderBase(id);
        });
      }
    });
    const newCategory = h("input", { placeholder: "New category", "aria-label": "New category name", maxlength: "100" });
    const addCategory = h("button", { type: "button" }, "Add category");
    addCategory.addEventListener("click", () =>
      void busy(addCategory, error, async () => {
        await api("POST", `${base}/${id}/categories`, { name: newCategory.value.trim() });
        await renderBase(id);
      }));
    const articles = h("ul", { class: "results", "data-testid": "kb-articles" },
      ...kb.articles.map((a) => {
        const edit = h("button", { type: "button", class: "link" }, h("bdi", {}, a.title), ` (${a.status})`);
        edit.addEventListener("click", () =>
          void busy(null, error, async () => {
            const article = await api<Article>("GET", `${propertyPath(propertyId)}/articles/${a.id}`);
            editing = article.id;
            [title.value, slug.value, text.value, status.value, category.value] =
              [article.title, article.slug, article.body, article.status, article.categoryId ?? ""];
            remove.hidden = false;
            title.focus();
          }));
        return h("li", {}, edit);
      }));
    editor.replaceChildren(h("div", { class: "tag-bar" }, newCategory, addCategory), articles, form);
  };

  const details = h("details", { class: "kb-admin" }, h("summary", {}, "Manage knowledge bases"), error,
    h("div", { class: "tag-bar" }, picker, newBase, addBase), editor);
  const previous = body.querySelector<HTMLDetailsElement>("details.kb-admin");
  if (previous) {
    details.open = previous.open;
    previous.replaceWith(details);
  } else {
    body.append(details);
  }
  if (bases.length > 0) {
    await renderBase(bases[0].id);
  }
}
