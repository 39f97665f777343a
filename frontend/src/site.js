// Progressive enhancement only: every page works without this script.
import { initAll } from "./nhsuk-frontend.min.js";

document.body.classList.add("js-enabled", "nhsuk-frontend-supported");
initAll();

// On narrow screens the filters start folded, so the first result is not pushed far down.
// Without this script (or on wide screens) they stay open.
if (window.matchMedia("(max-width: 47.99em)").matches) {
  for (const disclosure of document.querySelectorAll("details[data-closed-when-narrow]")) {
    disclosure.removeAttribute("open");
  }
}

// Search suggestions: fill the search box's datalist from /search/suggest/ as people type.
for (const input of document.querySelectorAll("input[data-suggest-url]")) {
  const list = document.getElementById(input.getAttribute("list"));
  let timer;
  let latest = "";
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const text = input.value.trim();
      if (text.length < 2 || text === latest || !list) return;
      latest = text;
      try {
        const url = `${input.dataset.suggestUrl}?q=${encodeURIComponent(text)}`;
        const reply = await fetch(url, { headers: { Accept: "application/json" } });
        if (!reply.ok) return;
        const { suggestions } = await reply.json();
        list.replaceChildren(
          ...suggestions.map((title) => Object.assign(document.createElement("option"), { value: title })),
        );
      } catch {
        // Suggestions are a convenience; the search works without them.
      }
    }, 150);
  });
}
