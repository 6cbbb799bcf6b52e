// The diary's search page, with the site's Pagefind index (pagefind/ beside the pages): the
// entries and consent notes, by their words, optionally in one trial. Without JavaScript the page
// points to the archives instead.

import { openIndex, resultItem, searchAsYouType } from "./search-common.js";

const KINDS = ["Diary entry", "Consent notes"];

const root = document.getElementById("diary-search");
if (root) start(root).catch(() => {});

async function start(root) {
  const pagefind = await openIndex(root);
  const trials = Object.keys((await pagefind.filters()).trial || {}).sort((a, b) => a.localeCompare(b));
  const trial = root.querySelector("select");
  for (const name of trials) trial.append(new Option(name, name));
  searchAsYouType(root, pagefind, {
    controls: [trial],
    chosen: () => ({ filters: { kind: { any: KINDS }, ...(trial.value ? { trial: trial.value } : {}) }, any: !!trial.value }),
    counted: (count) => `${count} result${count === 1 ? "" : "s"}`,
    item: (data) => resultItem(data, 2, [data.meta.date, data.meta.day, ...(data.filters.trial || [])].filter(Boolean).join(" · ")),
  });
  const fallback = document.getElementById("diary-search-fallback");
  if (fallback) fallback.hidden = true;
}
