import { useEffect, useState } from "preact/hooks";
import { api, errorMessage, ok } from "../api/client";
import type { ArticleSearchHit, KnowledgeBaseView } from "../api/types";
import { replyBoxShown } from "../store/selection";
import { isAdmin, propertyId } from "../store/session";
import { ArticleItem, type ArticleEntry } from "./ArticleItem";
import { KnowledgeBaseEditor } from "./KnowledgeBaseEditor";

/** Browsing draws at most this many articles; searching finds the others. */
const BrowseLimit = 100;

/**
 * The Knowledge Base tab (KB-2): with nothing typed it lists the articles (of every knowledge base, or the one picked,
 * narrowed to a category); typing searches them (ranked, with snippet). Any article opens a preview; with a reply box on
 * screen it goes into the reply as text or as a link to its public page. Admins also edit knowledge bases here (KB-1).
 */
export function KnowledgeTab() {
  const [bases, setBases] = useState<{ id: string; name: string }[] | null>(null);
  const [views, setViews] = useState<KnowledgeBaseView[]>([]);
  const [base, setBase] = useState("");
  const [category, setCategory] = useState("");
  const [query, setQuery] = useState("");
  const [hits, setHits] = useState<ArticleSearchHit[] | null>(null);
  const [error, setError] = useState("");
  const params = { path: { propertyId: propertyId.value } };

  const loadBases = async () => {
    try {
      const list = await ok(api.GET("/api/v1/properties/{propertyId}/knowledge-bases", { params }));
      setViews(await Promise.all(list.map((b) => ok(api.GET("/api/v1/properties/{propertyId}/knowledge-bases/{knowledgeBaseId}", {
        params: { path: { ...params.path, knowledgeBaseId: b.id }, query: { includeDrafts: true } },
      })))));
      setBases(list);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  useEffect(() => void loadBases(), [propertyId.value]);
  useEffect(() => {
    if (!query.trim()) {
      setHits(null);
      return;
    }
    const timer = setTimeout(() => {
      ok(api.GET("/api/v1/properties/{propertyId}/articles/search", {
        params: { ...params, query: { q: query, includeDrafts: true, knowledgeBaseId: base || undefined, categoryId: category || undefined } },
      })).then((found) => {
        setError("");
        setHits(found);
      }, (e) => setError(errorMessage(e)));
    }, 200);
    return () => clearTimeout(timer);
  }, [query, base, category]);

  const shown = views.filter((v) => !base || v.id === base);
  const categoryNames = new Map(views.flatMap((v) => v.categories.map((c) => [c.id, c.name] as const)));
  const categories = base ? (shown[0]?.categories ?? []) : [];
  const browsed: ArticleEntry[] = shown
    .flatMap((v) => v.articles)
    .filter((a) => !category || a.categoryId === category)
    .sort((a, b) => a.title.localeCompare(b.title))
    .map((a) => ({ id: a.id, title: a.title, status: a.status, categoryName: a.categoryId ? categoryNames.get(a.categoryId) : undefined }));
  const fail = (message: string) => setError(message);
  // Reset in the same update: an effect would run after paint and could undo a category picked in between.
  const choose = (knowledgeBase: string) => {
    setBase(knowledgeBase);
    setCategory("");
  };

  return (
    <div class="tab-body">
      <input type="search" aria-label="Search articles" placeholder="Search articles" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      {bases !== null && bases.length > 0 && (
        <div class="kb-filters">
          <select aria-label="Knowledge base to search" value={base} onChange={(e) => choose(e.currentTarget.value)}>
            <option value="">All knowledge bases</option>
            {bases.map((b) => <option value={b.id}>{b.name}</option>)}
          </select>
          <select aria-label="Category to search" value={category} disabled={categories.length === 0} onChange={(e) => setCategory(e.currentTarget.value)}>
            <option value="">All categories</option>
            {categories.map((c) => <option value={c.id}>{c.name}</option>)}
          </select>
        </div>
      )}
      <p class="error" role="alert">{error}</p>
      {bases !== null && bases.length > 0 && !replyBoxShown.value && (
        <p class="muted kb-hint">Open a conversation to insert an article into your reply.</p>
      )}
      {hits !== null && (
        <ul class="results" data-testid="kb-results" aria-label="Matching articles">
          {hits.length === 0 && <li class="muted">No article matches.</li>}
          {hits.map((hit) => (
            <ArticleItem
              article={{ id: hit.articleId, title: hit.title, status: hit.status, snippetHtml: hit.snippetHtml, categoryName: hit.categoryId ? categoryNames.get(hit.categoryId) : undefined }}
              failed={fail}
              key={hit.articleId}
            />
          ))}
        </ul>
      )}
      {hits === null && !query.trim() && bases?.length === 0 && (
        <div class="empty-state" data-testid="kb-empty">
          <p><strong>No knowledge base yet.</strong></p>
          <p class="muted">{isAdmin.value ? "Create one under Manage knowledge bases below, then add articles agents can send." : "An admin can create one; its articles show here."}</p>
        </div>
      )}
      {hits === null && !query.trim() && bases !== null && bases.length > 0 && (
        <>
          <h3 id="kb-browse-heading">{browsed.length === 1 ? "1 article" : `${browsed.length} articles`}</h3>
          <ul class="results" data-testid="kb-browse" aria-labelledby="kb-browse-heading">
            {browsed.length === 0 && <li class="muted">{category ? "No article in this category yet." : "No articles yet."}</li>}
            {browsed.slice(0, BrowseLimit).map((a) => <ArticleItem article={a} failed={fail} key={a.id} />)}
          </ul>
          {browsed.length > BrowseLimit && <p class="muted">Showing the first {BrowseLimit}: search to find the others.</p>}
        </>
      )}
      {isAdmin.value && bases !== null && <KnowledgeBaseEditor bases={bases} changed={loadBases} />}
    </div>
  );
}
