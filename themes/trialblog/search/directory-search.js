// Instant search of the trial directory with the site's Pagefind index (pagefind/ beside the pages).
// The directory works without it: every filter is also a static page. The search box stays
// hidden unless the index loads. Results are built as text nodes: nothing from the index is
// ever inserted as HTML.

const LABELS = {
  status: "Status",
  condition: "Condition",
  phase: "Phase",
  country: "Country",
  age: "Age group",
  sex: "Sex",
  "healthy volunteers": "Healthy volunteers",
};
const SHOWN = 50;

const root = document.getElementById("directory-search");
if (root) start(root).catch(() => {});

async function start(root) {
  const bundle = new URL(root.dataset.bundle, document.baseURI);
  const pagefind = await import(new URL("pagefind.js", bundle).href);
  await pagefind.options({ baseUrl: new URL(root.dataset.base, document.baseURI).pathname });
  const available = await pagefind.filters();
  const input = root.querySelector("input[type=search]");
  const box = root.querySelector(".search-filters");
  const status = root.querySelector("[role=status]");
  const results = root.querySelector(".search-results");
  const selects = {};
  for (const name of Object.keys(LABELS)) {
    const values = available[name];
    if (!values || !Object.keys(values).length) continue;
    selects[name] = filterSelect(name, values, box);
  }
  let latest = 0;
  const run = async () => {
    const mine = ++latest;
    const filters = {};
    for (const [name, select] of Object.entries(selects)) if (select.value) filters[name] = select.value;
    const term = input.value.trim();
    const chosen = Object.keys(filters).length;
    filters.kind = "Trial"; // the site's index holds diary entries and consent notes too
    if (!term && !chosen) {
      results.replaceChildren();
      status.textContent = "";
      return;
    }
    const search = await pagefind.debouncedSearch(term || null, { filters }, 250);
    if (search === null || mine !== latest) return;
    const found = await Promise.all(search.results.slice(0, SHOWN).map((r) => r.data()));
    if (mine !== latest) return;
    const count = search.results.length;
    status.textContent =
      `${count} trial${count === 1 ? "" : "s"} found` + (count > SHOWN ? `; showing the first ${SHOWN}` : "");
    results.replaceChildren(...found.map(resultItem));
  };
  root.querySelector("form").addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  input.addEventListener("input", run);
  for (const select of Object.values(selects)) select.addEventListener("change", run);
  root.hidden = false;
}

function filterSelect(name, values, box) {
  const id = `filter-${name.replace(/\W+/g, "-")}`;
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = LABELS[name];
  const select = document.createElement("select");
  select.id = id;
  select.append(new Option("Any", ""));
  for (const [value, count] of Object.entries(values).sort((a, b) => a[0].localeCompare(b[0]))) {
    select.append(new Option(`${value} (${count})`, value));
  }
  const field = document.createElement("div");
  field.className = "search-filter";
  field.append(label, select);
  box.append(field);
  return select;
}

function resultItem(data) {
  const item = document.createElement("li");
  const heading = document.createElement("h3");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  heading.append(link);
  item.append(heading);
  if (data.meta.status) {
    const facts = document.createElement("p");
    facts.className = "entry-facts";
    facts.textContent = `Status: ${data.meta.status}`;
    item.append(facts);
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
