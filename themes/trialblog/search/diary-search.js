// The diary's search page, with Pagefind's index (pagefind/ beside the pages): the entries and
// consent notes, by their words, optionally in one trial. Without JavaScript the page points to
// the archives instead. Results are built as text nodes: nothing from the index is inserted as HTML.

const KINDS = ["Diary entry", "Consent notes"];
const SHOWN = 50;

const root = document.getElementById("diary-search");
if (root) start(root).catch(() => {});

async function start(root) {
  const bundle = new URL(root.dataset.bundle, document.baseURI);
  const pagefind = await import(new URL("pagefind.js", bundle).href);
  await pagefind.options({ baseUrl: new URL(root.dataset.base, document.baseURI).pathname });
  const available = await pagefind.filters();
  const input = root.querySelector("input[type=search]");
  const trial = root.querySelector("select");
  const status = root.querySelector("[role=status]");
  const results = root.querySelector(".search-results");
  for (const name of Object.keys(available.trial || {}).sort((a, b) => a.localeCompare(b))) {
    trial.append(new Option(name, name));
  }
  let latest = 0;
  const run = async () => {
    const mine = ++latest;
    const term = input.value.trim();
    if (!term && !trial.value) {
      results.replaceChildren();
      status.textContent = "";
      return;
    }
    const filters = { kind: { any: KINDS } };
    if (trial.value) filters.trial = trial.value;
    const search = await pagefind.debouncedSearch(term || null, { filters }, 250);
    if (search === null || mine !== latest) return;
    const found = await Promise.all(search.results.slice(0, SHOWN).map((r) => r.data()));
    if (mine !== latest) return;
    const count = search.results.length;
    status.textContent =
      `${count} result${count === 1 ? "" : "s"}` + (count > SHOWN ? `; showing the first ${SHOWN}` : "");
    results.replaceChildren(...found.map(resultItem));
  };
  root.querySelector("form").addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  input.addEventListener("input", run);
  trial.addEventListener("change", run);
  const fallback = document.getElementById("diary-search-fallback");
  if (fallback) fallback.hidden = true;
  root.hidden = false;
}

function resultItem(data) {
  const item = document.createElement("li");
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  heading.append(link);
  item.append(heading);
  const facts = [data.meta.date, data.meta.day, ...(data.filters.trial || [])].filter(Boolean);
  if (facts.length) {
    const line = document.createElement("p");
    line.className = "entry-facts";
    line.textContent = facts.join(" · ");
    item.append(line);
  }
  const excerpt = document.createElement("p");
  excerpt.append(...highlighted(data.excerpt || ""));
  item.append(excerpt);
  return item;
}

// Pagefind marks the words found with <mark>; everything else is kept as plain text.
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
