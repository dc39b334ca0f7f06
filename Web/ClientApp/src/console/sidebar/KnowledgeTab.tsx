import { useEffect, useState } from "preact/hooks";
import { api, errorMessage, ok } from "../api/client";
import type { ArticleSearchHit, KnowledgeBaseView } from "../api/types";
import { insertIntoReply } from "../conversation/Composer";
import { isAdmin, propertyId } from "../store/session";
import { Button } from "../ui/Button";
import { KnowledgeBaseEditor } from "./KnowledgeBaseEditor";

/** Snippets carry escaped text with <mark> around matches; rebuilt node by node so nothing else can pass. */
function Snippet({ html }: { html: string }) {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body.firstElementChild;
  return (
    <p class="snippet" dir="auto">
      {[...(parsed?.childNodes ?? [])].map((node) => (node.nodeName === "MARK" ? <mark>{node.textContent}</mark> : node.textContent))}
    </p>
  );
}

/**
 * The Knowledge Base tab (KB-2): search articles (ranked, with snippet), narrowed to a knowledge base and a category;
 * the article goes into the reply as text or as a link to its public page. Admins also edit knowledge bases here (KB-1).
 */
export function KnowledgeTab() {
  const [bases, setBases] = useState<{ id: string; name: string }[]>([]);
  const [base, setBase] = useState("");
  const [view, setView] = useState<KnowledgeBaseView | null>(null);
  const [category, setCategory] = useState("");
  const [query, setQuery] = useState("");
  const [hits, setHits] = useState<ArticleSearchHit[] | null>(null);
  const [error, setError] = useState("");
  const params = { path: { propertyId: propertyId.value } };

  const loadBases = () => ok(api.GET("/api/v1/properties/{propertyId}/knowledge-bases", { params })).then(setBases, (e) => setError(errorMessage(e)));
  useEffect(() => void loadBases(), [propertyId.value]);
  useEffect(() => {
    setCategory("");
    setView(null);
    if (base) {
      void ok(api.GET("/api/v1/properties/{propertyId}/knowledge-bases/{knowledgeBaseId}", { params: { path: { ...params.path, knowledgeBaseId: base }, query: { includeDrafts: true } } }))
        .then(setView, () => undefined);
    }
  }, [base]);
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

  /** A published article's public page (Web/KnowledgeBase/PublicArticlePage.cs); drafts have none. */
  const insertLink = (hit: ArticleSearchHit) =>
    insertIntoReply(`${hit.title}: ${location.origin}/help/${encodeURIComponent(propertyId.value)}/articles/${hit.articleId}`);

  const insert = async (hit: ArticleSearchHit) => {
    try {
      const article = await ok(api.GET("/api/v1/properties/{propertyId}/articles/{articleId}", { params: { path: { ...params.path, articleId: hit.articleId } } }));
      insertIntoReply(article.text);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <div class="tab-body">
      <input type="search" aria-label="Search articles" placeholder="Search articles" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      {bases.length > 0 && (
        <div class="kb-filters">
          <select aria-label="Knowledge base to search" value={base} onChange={(e) => setBase(e.currentTarget.value)}>
            <option value="">All knowledge bases</option>
            {bases.map((b) => <option value={b.id}>{b.name}</option>)}
          </select>
          <select aria-label="Category to search" value={category} disabled={!view || view.categories.length === 0} onChange={(e) => setCategory(e.currentTarget.value)}>
            <option value="">All categories</option>
            {view?.categories.map((c) => <option value={c.id}>{c.name}</option>)}
          </select>
        </div>
      )}
      <p class="error" role="alert">{error}</p>
      <ul class="results" data-testid="kb-results">
        {hits?.length === 0 && <li class="muted">No article matches.</li>}
        {hits?.map((hit) => (
          <li>
            <strong dir="auto">{hit.title}</strong> {hit.status === "Draft" && <span class="chip chip-warning">Draft</span>}
            <Snippet html={hit.snippetHtml} />
            <span class="settings-row">
              <Button size="sm" onClick={() => void insert(hit)} aria-label={`Insert text of ${hit.title}`}>Insert text</Button>
              {hit.status === "Published" && <Button size="sm" onClick={() => insertLink(hit)} aria-label={`Insert link to ${hit.title}`}>Insert link</Button>}
            </span>
          </li>
        ))}
      </ul>
      {isAdmin.value && <KnowledgeBaseEditor bases={bases} changed={loadBases} />}
    </div>
  );
}
