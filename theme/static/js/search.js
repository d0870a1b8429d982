// Faceted search for Outside In, on Pagefind's JavaScript API.
//
// The page arrives with a hidden form whose checkboxes (one per verdict,
// touchpoint and company) are rendered by the theme; this script shows it,
// reads the filters from the address (?verdict=bad&touchpoint=phone&q=...),
// asks Pagefind for the matching stories and keeps the address in step, so a
// filtered view can be bookmarked and the WoW index can link straight into it.
// Within a group any ticked value matches; across groups all must. Each
// box's count is the number of stories it would give with the other groups'
// choices kept. Nothing from the index is inserted as HTML: titles and
// excerpts are built from text nodes (excerpts keep only Pagefind's <mark>).

const form = document.getElementById("search");
const statusLine = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const facets = [...form.querySelectorAll("fieldset[data-facet]")].map(
  (fieldset) => fieldset.dataset.facet,
);
const PAGE_SIZE = 20;

function labelOf(facet, value) {
  const box = form.querySelector(
    `input[name="${facet}"][value="${CSS.escape(value)}"]`,
  );
  const label = box && form.querySelector(`label[for="${box.id}"]`);
  if (!label) return value;
  const clone = label.cloneNode(true);
  clone.querySelectorAll(".count").forEach((node) => node.remove());
  return clone.textContent.trim();
}

function readState() {
  const data = new FormData(form);
  const state = { q: (data.get("q") || "").trim(), filters: {} };
  for (const facet of facets) {
    const values = data.getAll(facet);
    if (values.length) state.filters[facet] = values;
  }
  return state;
}

function writeForm(params) {
  form.elements.q.value = params.get("q") || "";
  for (const facet of facets) {
    const wanted = new Set(params.getAll(facet));
    form.querySelectorAll(`input[name="${facet}"]`).forEach((box) => {
      box.checked = wanted.has(box.value);
    });
  }
}

function addressOf(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const facet of facets) {
    for (const value of state.filters[facet] || []) params.append(facet, value);
  }
  const query = params.toString();
  return query ? `?${query}` : window.location.pathname;
}

function pagefindFilters(selected, without) {
  const filters = {};
  for (const [facet, values] of Object.entries(selected)) {
    if (facet !== without) filters[facet] = { any: values };
  }
  return filters;
}

function excerptNodes(excerpt) {
  // Pagefind marks hits with <mark>; everything else is shown as text.
  const fragment = document.createDocumentFragment();
  const decoder = document.createElement("textarea");
  excerpt.split(/(<mark>|<\/mark>)/).reduce((inMark, part) => {
    if (part === "<mark>") return true;
    if (part === "</mark>") return false;
    decoder.innerHTML = part.replace(/</g, "&lt;");
    const text = document.createTextNode(decoder.value);
    if (inMark) {
      const mark = document.createElement("mark");
      mark.append(text);
      fragment.append(mark);
    } else {
      fragment.append(text);
    }
    return inMark;
  }, false);
  return fragment;
}

function resultItem(data, withWords) {
  const item = document.createElement("li");
  item.className = "result";
  const heading = document.createElement("h3");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  heading.append(link);
  item.append(heading);

  const tags = [];
  if (data.meta.date) tags.push(data.meta.date);
  for (const facet of ["verdict", "touchpoint", "company"]) {
    for (const value of (data.filters && data.filters[facet]) || []) {
      tags.push(labelOf(facet, value));
    }
  }
  if (tags.length) {
    const meta = document.createElement("p");
    meta.className = "meta";
    meta.textContent = tags.join(" · ");
    item.append(meta);
  }
  // With words, show where they matched; browsing by filters, the summary.
  const text = withWords ? data.excerpt : data.meta.summary || data.excerpt;
  if (text) {
    const excerpt = document.createElement("p");
    excerpt.className = "excerpt";
    excerpt.append(withWords ? excerptNodes(text) : document.createTextNode(text));
    item.append(excerpt);
  }
  return item;
}

function showCounts(facet, counts) {
  form.querySelectorAll(`fieldset[data-facet="${facet}"] [data-count]`).forEach(
    (span) => {
      span.textContent = String((counts && counts[span.dataset.count]) || 0);
    },
  );
}

function plural(n) {
  return n === 1 ? "1 story" : `${n} stories`;
}

async function main() {
  form.hidden = false;
  const bundle = new URL(form.dataset.bundle, document.baseURI);
  let pagefind;
  try {
    pagefind = await import(new URL("pagefind.js", bundle).href);
    await pagefind.init();
  } catch (error) {
    statusLine.textContent =
      "The search index could not be loaded. The WoW index and the archives still list every story.";
    throw error;
  }
  const totals = await pagefind.filters();
  let generation = 0;
  let results = { all: [], shown: 0, withWords: false };

  async function countsFor(state, facet) {
    const others = pagefindFilters(state.filters, facet);
    if (!state.q && Object.keys(others).length === 0) return totals[facet];
    const search = await pagefind.search(state.q || null, { filters: others });
    return search.filters[facet];
  }

  async function update() {
    const mine = ++generation;
    list.setAttribute("aria-busy", "true");
    try {
      await run(mine);
    } finally {
      if (mine === generation) list.setAttribute("aria-busy", "false");
    }
  }

  async function run(mine) {
    const state = readState();
    window.history.replaceState(null, "", addressOf(state));
    const counts = await Promise.all(facets.map((f) => countsFor(state, f)));
    if (mine !== generation) return;
    facets.forEach((facet, i) => showCounts(facet, counts[i]));

    if (!state.q && Object.keys(state.filters).length === 0) {
      list.replaceChildren();
      more.hidden = true;
      statusLine.textContent =
        "Type some words, tick a filter, or both. Results appear here.";
      return;
    }
    const search = await pagefind.search(state.q || null, {
      filters: pagefindFilters(state.filters),
      sort: state.q ? {} : { date: "desc" },
    });
    if (mine !== generation) return;
    list.replaceChildren();
    more.hidden = true;
    results = { all: search.results, shown: 0, withWords: Boolean(state.q) };
    await showMore(mine);
  }

  // Results arrive PAGE_SIZE at a time; "Show more" loads the next ones.
  async function showMore(mine) {
    const { all, shown, withWords } = results;
    const next = await Promise.all(
      all.slice(shown, shown + PAGE_SIZE).map((result) => result.data()),
    );
    if (mine !== generation) return;
    list.append(...next.map((data) => resultItem(data, withWords)));
    results.shown = shown + next.length;
    const total = all.length;
    more.hidden = results.shown >= total;
    statusLine.textContent = total
      ? `${plural(total)} found${total > results.shown ? `, showing ${results.shown}` : ""}.`
      : "No story matches. Try fewer words or untick a filter.";
  }

  more.addEventListener("click", async () => {
    const mine = generation;
    await showMore(mine);
  });

  let timer;
  form.addEventListener("input", (event) => {
    clearTimeout(timer);
    list.setAttribute("aria-busy", "true");
    timer = setTimeout(update, event.target.type === "search" ? 250 : 0);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    update();
  });
  form.addEventListener("reset", () => {
    clearTimeout(timer);
    setTimeout(update, 0);
  });
  writeForm(new URLSearchParams(window.location.search));
  await update();
  form.dataset.ready = "true";
}

main();
