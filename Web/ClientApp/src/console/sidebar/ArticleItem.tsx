import { useState } from "preact/hooks";
import { api, errorMessage, ok } from "../api/client";
import { insertIntoReply } from "../conversation/Composer";
import { replyBoxShown } from "../store/selection";
import { propertyId } from "../store/session";
import { Button } from "../ui/Button";
import { Chip } from "../ui/Chip";

export interface ArticleEntry {
  id: string;
  title: string;
  status: "Draft" | "Published";
  /** A search hit's snippet: escaped text with <mark> around the matches. */
  snippetHtml?: string;
  categoryName?: string;
}

/** Snippets carry escaped text with <mark> around matches; rebuilt node by node so nothing else can pass. */
function Snippet({ html }: { html: string }) {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body.firstElementChild;
  return (
    <p class="snippet" dir="auto">
      {[...(parsed?.childNodes ?? [])].map((node) => (node.nodeName === "MARK" ? <mark>{node.textContent}</mark> : node.textContent))}
    </p>
  );
}

const articleText = (articleId: string) =>
  ok(api.GET("/api/v1/properties/{propertyId}/articles/{articleId}", { params: { path: { propertyId: propertyId.value, articleId } } })).then((a) => a.text);

/**
 * One article in the Knowledge Base tab (KB-2): its title opens a preview of the text; with a reply box on screen it goes
 * into the reply as text, or (published only: drafts have no public page) as a link to its page.
 */
export function ArticleItem({ article, failed }: { article: ArticleEntry; failed: (message: string) => void }) {
  const [preview, setPreview] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const toggle = async () => {
    setOpen(!open);
    if (!open && preview === null) {
      try {
        setPreview(await articleText(article.id));
      } catch (e) {
        failed(errorMessage(e));
      }
    }
  };
  const insertText = async () => {
    try {
      insertIntoReply(preview ?? (await articleText(article.id)));
    } catch (e) {
      failed(errorMessage(e));
    }
  };
  /** A published article's public page (Web/KnowledgeBase/PublicArticlePage.cs). */
  const insertLink = () =>
    insertIntoReply(`${article.title}: ${location.origin}/help/${encodeURIComponent(propertyId.value)}/articles/${article.id}`);
  return (
    <li class="article">
      <div class="article-head">
        <button type="button" class="link article-title" aria-expanded={open} onClick={() => void toggle()}>
          <bdi>{article.title}</bdi>
        </button>
        {article.status === "Draft" && <Chip tone="warning">Draft</Chip>}
      </div>
      {article.categoryName && <span class="muted article-category"><bdi>{article.categoryName}</bdi></span>}
      {article.snippetHtml && <Snippet html={article.snippetHtml} />}
      {open && (preview === null ? <p class="muted" aria-busy="true">Loading…</p> : <p class="article-preview" dir="auto" data-testid="article-preview">{preview}</p>)}
      {replyBoxShown.value && (
        <span class="settings-row">
          <Button size="sm" onClick={() => void insertText()} aria-label={`Insert text of ${article.title}`}>Insert text</Button>
          {article.status === "Published" && <Button size="sm" onClick={insertLink} aria-label={`Insert link to ${article.title}`}>Insert link</Button>}
        </span>
      )}
    </li>
  );
}
