import { useState } from "preact/hooks";
import { runSearch } from "../actions/search";

/** The search box in the top bar; Ctrl+K (or ⌘K) focuses it from anywhere. */
export function SearchBox() {
  const [text, setText] = useState("");
  return (
    <form
      class="search-box"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        void runSearch(text);
      }}
    >
      <input
        id="search-box"
        type="search"
        aria-label="Search all conversations"
        placeholder="Search (Ctrl+K)"
        maxLength={500}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
    </form>
  );
}
