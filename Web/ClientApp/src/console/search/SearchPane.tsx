import { openHit, runSearch } from "../actions/search";
import { searchError, searchLoading, searchResults, searchText } from "../store/search";
import { Button } from "../ui/Button";

/** Search results as a list: title, where the hit is, and its snippet (escaped by the server, matches marked). */
export function SearchPane() {
  const page = searchResults.value;
  const building = page?.index.rebuilding;
  return (
    <div class="search-pane" aria-labelledby="search-title">
      <h2 id="search-title">Search: <bdi>{searchText.value}</bdi></h2>
      {searchError.value && <p class="error" role="alert">{searchError.value}</p>}
      {page && (
        <p class="muted" role="status" data-testid="search-total">
          {page.totalIsLowerBound
            ? `${page.total.toLocaleString()}+ hits, the newest ranked: add words or filters to narrow them`
            : page.total === 1 ? "1 hit" : `${page.total} hits`}
          {building && ` — the index is being built (${page.index.percent}%), more may appear`}
        </p>
      )}
      {page && page.hits.length > 0 && (
        <ol class="search-results" id="search-results">
          {page.hits.map((hit) => (
            <li key={`${hit.conversationId}/${hit.sequence}`}>
              <button type="button" class="search-hit" data-conversation={hit.conversationId} data-sequence={hit.sequence} onClick={() => void openHit(hit)}>
                <span class="search-hit-head">
                  <span class={`kind kind-${hit.kind.toLowerCase()}`}>{hit.kind}</span>
                  <bdi class="search-hit-title">{hit.title}</bdi>
                  <span class="muted">
                    {hit.sequence === 0 ? "subject, name, email or tags" : `message ${hit.sequence}`}
                    {hit.isWhisper && " · whisper"}
                    {` · ${hit.status}`}
                    {hit.place !== "Inbox" && ` · ${hit.place}`}
                  </span>
                </span>
                {/* The server escapes the text before it marks the matches. */}
                <span class="search-snippet" dir="auto" dangerouslySetInnerHTML={{ __html: hit.snippet }} />
              </button>
            </li>
          ))}
        </ol>
      )}
      {searchLoading.value && <p class="muted">Searching…</p>}
      {page && page.hits.length < page.total && page.hits.length < 1000 && !searchLoading.value && (
        <Button variant="ghost" size="sm" onClick={() => void runSearch(searchText.value, true)}>More results</Button>
      )}
    </div>
  );
}
