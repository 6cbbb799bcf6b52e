// Instant search of the trial directory with the site's Pagefind index (pagefind/ beside the pages).
// The directory works without it: every filter is also a static page. The search box stays
// hidden unless the index loads.

import { openIndex, resultItem, searchAsYouType } from "./search-common.js";

const LABELS = {
  status: "Status",
  condition: "Condition",
  phase: "Phase",
  country: "Country",
  age: "Age group",
  sex: "Sex",
  "healthy volunteers": "Healthy volunteers",
};

const root = document.getElementById("directory-search");
if (root) start(root).catch(() => {});

async function start(root) {
  const pagefind = await openIndex(root);
  const available = await pagefind.filters();
  const box = root.querySelector(".search-filters");
  const selects = {};
  for (const name of Object.keys(LABELS)) {
    const values = available[name];
    if (!values || !Object.keys(values).length) continue;
    selects[name] = filterSelect(name, values, box);
  }
  searchAsYouType(root, pagefind, {
    controls: Object.values(selects),
    chosen: () => {
      const filters = {};
      for (const [name, select] of Object.entries(selects)) if (select.value) filters[name] = select.value;
      const any = Object.keys(filters).length > 0;
      filters.kind = "Trial"; // the site's index holds diary entries and consent notes too
      return { filters, any };
    },
    counted: (count) => `${count} trial${count === 1 ? "" : "s"} found`,
    item: (data) => resultItem(data, 3, data.meta.status ? `Status: ${data.meta.status}` : ""),
  });
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
