// "Sites near you": sorts a trial's sites by distance, worked out in the browser.
// Nothing typed here leaves the page: a postcode is placed at the study sites whose own
// postcodes share the most leading characters with it, so no geocoding service is asked.
const SHOWN = 20;

function distanceKm([lat1, lon1], [lat2, lon2]) {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(a));
}

function squeeze(code) {
  return (code || "").toUpperCase().replace(/[^A-Z0-9]/g, "");
}

function sitesInPage() {
  return Array.from(document.querySelectorAll("li[data-geo]"), (item, i) => {
    item.id = item.id || `site-${i + 1}`;
    const city = item.closest("ul.sites")?.previousElementSibling;
    const status = item.querySelector(".status");
    return {
      name: item.firstChild.textContent.trim(),
      place: city ? city.textContent.trim() : "",
      zip: item.dataset.zip || "",
      status: status ? status.textContent.trim() : "",
      geo: item.dataset.geo.split(",").map(Number),
      page: `#${item.id}`,
    };
  });
}

function placeOfPostcode(code, sites) {
  const wanted = squeeze(code);
  let best = 0;
  let matches = [];
  for (const site of sites) {
    const zip = squeeze(site.zip);
    let n = 0;
    while (n < zip.length && n < wanted.length && zip[n] === wanted[n]) n += 1;
    if (n > best) {
      best = n;
      matches = [site];
    } else if (n === best && n > 0) {
      matches.push(site);
    }
  }
  if (best < Math.min(2, wanted.length) || !matches.length) return null;
  const lat = matches.reduce((sum, s) => sum + s.geo[0], 0) / matches.length;
  const lon = matches.reduce((sum, s) => sum + s.geo[1], 0) / matches.length;
  return { geo: [lat, lon], like: matches[0].zip };
}

function show(box, origin, sites, said) {
  const list = box.querySelector(".near-results");
  const nearest = sites
    .map((site) => ({ site, km: distanceKm(origin, site.geo) }))
    .sort((a, b) => a.km - b.km)
    .slice(0, SHOWN);
  list.replaceChildren(
    ...nearest.map(({ site, km }) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = site.page;
      link.textContent = site.name || "Site name not given";
      const rest = [site.place, site.status, `about ${Math.round(km)} km away`].filter(Boolean);
      item.append(link, document.createTextNode(` · ${rest.join(" · ")}`));
      return item;
    }),
  );
  box.querySelector(".near-status").textContent = `${said} The ${nearest.length} nearest of ${sites.length} sites:`;
}

async function start(box) {
  const status = box.querySelector(".near-status");
  let sites = sitesInPage();
  const more = box.dataset.sites;
  let loaded = !more;
  async function everySite() {
    if (!loaded) {
      status.textContent = "Loading the sites…";
      const answer = await fetch(more);
      if (!answer.ok) throw new Error(`the list of sites could not be loaded (${answer.status})`);
      sites = await answer.json(); // every site of the trial, those listed here too
      loaded = true;
    }
    return sites;
  }
  box.querySelector("form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const code = box.querySelector("input").value.trim();
    if (!code) {
      status.textContent = "Type a postcode first.";
      return;
    }
    try {
      const all = await everySite();
      const place = placeOfPostcode(code, all);
      if (!place) {
        status.textContent = `No site of this study has a postcode like ${code}; try "Use my location".`;
        return;
      }
      show(box, place.geo, all, `Sorted from the sites with postcodes like ${code} (such as ${place.like}).`);
    } catch (error) {
      status.textContent = `Sorry: ${error.message}.`;
    }
  });
  const locate = box.querySelector(".near-locate");
  if (!("geolocation" in navigator)) {
    locate.hidden = true;
    return;
  }
  locate.addEventListener("click", () => {
    status.textContent = "Asking your browser where you are…";
    navigator.geolocation.getCurrentPosition(
      async (where) => {
        try {
          const all = await everySite();
          show(box, [where.coords.latitude, where.coords.longitude], all, "Sorted from your location.");
        } catch (error) {
          status.textContent = `Sorry: ${error.message}.`;
        }
      },
      () => {
        status.textContent = "Your browser did not give a location; type a postcode instead.";
      },
    );
  });
}

for (const box of document.querySelectorAll(".sites-near")) {
  box.hidden = false;
  start(box);
}
