import { useEffect, useState } from "preact/hooks";
import { api, errorMessage, ok } from "../api/client";
import type { KnowledgeBaseView } from "../api/types";
import { propertyId } from "../store/session";
import { Button } from "../ui/Button";
import { confirmAction } from "../ui/Dialog";

const slugOf = (title: string) => title.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80);

interface Draft {
  id: string | null;
  title: string;
  slug: string;
  body: string;
  status: "Draft" | "Published";
  categoryId: string;
}

const empty: Draft = { id: null, title: "", slug: "", body: "", status: "Draft", categoryId: "" };

/** Admins edit knowledge bases, categories and articles (KB-1), folded away under the Knowledge Base tab. */
export function KnowledgeBaseEditor({ bases, changed }: { bases: { id: string; name: string }[]; changed: () => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState("");
  const [kb, setKb] = useState<KnowledgeBaseView | null>(null);
  const [draft, setDraft] = useState<Draft>(empty);
  const [newBase, setNewBase] = useState("");
  const [newCategory, setNewCategory] = useState("");
  const [error, setError] = useState("");
  const path = { propertyId: propertyId.value };
  const current = chosen || bases[0]?.id || "";

  const load = async (id = current) => {
    if (id) {
      setKb(await ok(api.GET("/api/v1/properties/{propertyId}/knowledge-bases/{knowledgeBaseId}", { params: { path: { ...path, knowledgeBaseId: id }, query: { includeDrafts: true } } })));
    }
  };
  useEffect(() => void load().catch(() => undefined), [current]);
  const run = async (action: () => Promise<unknown>) => {
    setError("");
    try {
      await action();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const kbPath = { path: { ...path, knowledgeBaseId: current } };

  return (
    <details class="kb-admin" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Manage knowledge bases</summary>
      <p class="error" role="alert">{error}</p>
      <div class="attribute-row">
        <select aria-label="Knowledge base" value={current} onChange={(e) => setChosen(e.currentTarget.value)}>
          {bases.map((b) => <option value={b.id}>{b.name}</option>)}
        </select>
      </div>
      <div class="attribute-row">
        <input aria-label="New knowledge base name" placeholder="New knowledge base" maxLength={100} value={newBase} onInput={(e) => setNewBase(e.currentTarget.value)} />
        <Button size="sm" onClick={() => void run(async () => {
          const created = await ok(api.POST("/api/v1/properties/{propertyId}/knowledge-bases", { params: { path }, body: { name: newBase.trim() } }));
          setNewBase("");
          await changed();
          setChosen(created.id);
        })}>Create</Button>
      </div>
      {kb && (
        <div class="kb-editor">
          <div class="attribute-row">
            <input aria-label="New category name" placeholder="New category" maxLength={100} value={newCategory} onInput={(e) => setNewCategory(e.currentTarget.value)} />
            <Button size="sm" onClick={() => void run(async () => {
              await ok(api.POST("/api/v1/properties/{propertyId}/knowledge-bases/{knowledgeBaseId}/categories", { params: kbPath, body: { name: newCategory.trim() } }));
              setNewCategory("");
              await load();
              await changed();
            })}>Add category</Button>
          </div>
          <ul class="results" data-testid="kb-articles">
            {kb.articles.map((a) => (
              <li>
                <button type="button" class="link" onClick={() => void run(async () => {
                  const article = await ok(api.GET("/api/v1/properties/{propertyId}/articles/{articleId}", { params: { path: { ...path, articleId: a.id } } }));
                  setDraft({ id: article.id, title: article.title, slug: article.slug, body: article.body, status: article.status as Draft["status"], categoryId: article.categoryId ?? "" });
                })}>
                  <bdi>{a.title}</bdi> ({a.status})
                </button>
              </li>
            ))}
          </ul>
          <form class="form compact" aria-label="Article" onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              const body = { title: draft.title, slug: draft.slug, body: draft.body, status: draft.status, categoryId: draft.categoryId || null };
              await (draft.id
                ? ok(api.PUT("/api/v1/properties/{propertyId}/knowledge-bases/{knowledgeBaseId}/articles/{articleId}", { params: { path: { ...kbPath.path, articleId: draft.id } }, body }))
                : ok(api.POST("/api/v1/properties/{propertyId}/knowledge-bases/{knowledgeBaseId}/articles", { params: kbPath, body })));
              setDraft(empty);
              await load();
              await changed();
            });
          }}>
            <input aria-label="Article title" placeholder="Title" maxLength={150} value={draft.title}
              onInput={(e) => setDraft({ ...draft, title: e.currentTarget.value, slug: draft.id ? draft.slug : slugOf(e.currentTarget.value) })} />
            <input aria-label="Article slug" placeholder="slug" maxLength={80} value={draft.slug} onInput={(e) => setDraft({ ...draft, slug: e.currentTarget.value })} />
            <textarea aria-label="Article body" placeholder="Body (Markdown)" rows={6} value={draft.body} onInput={(e) => setDraft({ ...draft, body: e.currentTarget.value })} />
            <select aria-label="Article status" value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.currentTarget.value as Draft["status"] })}>
              <option value="Draft">Draft</option>
              <option value="Published">Published</option>
            </select>
            <select aria-label="Article category" value={draft.categoryId} onChange={(e) => setDraft({ ...draft, categoryId: e.currentTarget.value })}>
              <option value="">No category</option>
              {kb.categories.map((c) => <option value={c.id}>{c.name}</option>)}
            </select>
            <div class="form-actions">
              {draft.id && (
                <Button variant="danger" size="sm" onClick={() => void run(async () => {
                  if (await confirmAction("Delete this article?", { message: "This cannot be undone.", confirm: "Delete article", danger: true })) {
                    await ok(api.DELETE("/api/v1/properties/{propertyId}/knowledge-bases/{knowledgeBaseId}/articles/{articleId}", { params: { path: { ...kbPath.path, articleId: draft.id! } } }));
                    setDraft(empty);
                    await load();
                    await changed();
                  }
                })}>Delete article</Button>
              )}
              <Button type="submit" size="sm" variant="primary">Save article</Button>
            </div>
          </form>
        </div>
      )}
    </details>
  );
}
