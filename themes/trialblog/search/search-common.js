// What the site's two search scripts share: opening Pagefind's index, running a search as the
// reader types, and results built as text nodes (nothing from the index is inserted as HTML).

const SHOWN = 50;

export async function openIndex(root) {
  const bundle = new URL(root.dataset.bundle, document.baseURI);
  const pagefind = await import(new URL("pagefind.js", bundle).href);
  await pagefind.options({ baseUrl: new URL(root.dataset.base, document.baseURI).pathname });
  return pagefind;
}

// Search on every change of `controls` (the words and any filter), showing what `item` makes of
// each result; `chosen()` gives the filters and whether the reader chose any.
export function searchAsYouType(root, pagefind, { controls, chosen, counted, item }) {
  const input = root.querySelector("input[type=search]");
  const status = root.querySelector("[role=status]");
  const results = root.querySelector(".search-results");
  let latest = 0;
  const run = async () => {
    const mine = ++latest;
    const term = input.value.trim();
    const { filters, any } = chosen();
    if (!term && !any) {
      results.replaceChildren();
      status.textContent = "";
      return;
    }
    const search = await pagefind.debouncedSearch(term || null, { filters }, 250);
    if (search === null || mine !== latest) return;
    const found = await Promise.all(search.results.slice(0, SHOWN).map((r) => r.data()));
    if (mine !== latest) return;
    const count = search.results.length;
    status.textContent = counted(count) + (count > SHOWN ? `; showing the first ${SHOWN}` : "");
    results.replaceChildren(...found.map(item));
  };
  root.querySelector("form").addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  input.addEventListener("input", run);
  for (const control of controls) control.addEventListener("change", run);
  root.hidden = false;
}

// A result: its title as a link, a line of facts, and Pagefind's excerpt with the words found marked.
export function resultItem(data, level, facts) {
  const item = document.createElement("li");
  const heading = document.createElement(`h${level}`);
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  heading.append(link);
  item.append(heading);
  if (facts) {
    const line = document.createElement("p");
    line.className = "entry-facts";
    line.textContent = facts;
    item.append(line);
  }
  const excerpt = document.createElement("p");
  excerpt.append(...highlighted(data.excerpt || ""));
  item.append(excerpt);
  return item;
}

function highlighted(html) {
  const doc = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html");
  const nodes = [];
  for (const node of doc.body.firstChild.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(node.textContent));
    }
  }
  return nodes;
}
