// The search page: Pagefind's index, searched in the browser as you type.
// Opened from disk (file://) a browser will not load the index: the page says so instead, before
// anything is requested. Result text is put in as text, never as markup.
(function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box) return;
  if (location.protocol === "file:") {
    document.querySelector(".search-offline").hidden = false;
    return;
  }
  var form = box.querySelector("form");
  var input = form.elements.q;
  var status = box.querySelector(".search-status");
  var list = box.querySelector(".search-results");
  var root = new URL(box.getAttribute("data-root"), location.href);
  var bundle = new URL(box.getAttribute("data-bundle"), location.href).href;
  var SHOWN = 30;
  var pagefind = null;
  var serial = 0;

  form.hidden = false;
  form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
  form.addEventListener("input", run);
  form.addEventListener("change", run);
  var start = new URLSearchParams(location.search).get("q");
  if (start) input.value = start;

  // The index comes in parts on a large archive: the first is loaded, the others merged in.
  var merges = (box.getAttribute("data-merge") || "").split(" ").filter(Boolean)
    .map(function (u) { return new URL(u, location.href).href; });
  var loading = null;
  import(bundle).then(function (module) {
    loading = module;
    return loading.init();
  }).then(function () {
    return Promise.all(merges.map(function (u) { return loading.mergeIndex(u); }));
  }).then(function () {
    pagefind = loading;
    if (input.value) run();
  }).catch(function () {
    status.textContent = "Search is unavailable: its index could not be loaded.";
  });

  function filters() {
    var out = {};
    Array.prototype.forEach.call(form.querySelectorAll("select"), function (s) {
      if (s.value) out[s.name] = s.value;
    });
    return out;
  }

  function run() {
    if (!pagefind) return;
    var mine = ++serial;
    var q = input.value.trim();
    var chosen = filters();
    if (!q && !Object.keys(chosen).length) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    pagefind.debouncedSearch(q || null, { filters: chosen }, 200).then(function (search) {
      if (search === null || mine !== serial) return null;  // a newer search is under way
      var shown = search.results.slice(0, SHOWN);
      return Promise.all(shown.map(function (r) { return r.data(); })).then(function (items) {
        if (mine !== serial) return;
        var n = search.results.length;
        status.textContent = n === 0 ? "Nothing found." :
          n + (n === 1 ? " result" : " results") + (n > SHOWN ? ", the first " + SHOWN + " shown." : ".");
        list.replaceChildren.apply(list, items.map(item));
      });
    });
  }

  // Pagefind's excerpt marks the words found with <mark>; everything else is text, with its
  // characters escaped: a textarea decodes them as text, never as markup.
  var decoder = document.createElement("textarea");
  function excerpt(html, into) {
    html.split(/(<mark>|<\/mark>)/).reduce(function (marked, part) {
      if (part === "<mark>") return true;
      if (part === "</mark>") return false;
      decoder.innerHTML = part;
      var text = decoder.value;
      if (text) {
        var node = marked ? document.createElement("mark") : document.createTextNode(text);
        if (marked) node.textContent = text;
        into.appendChild(node);
      }
      return marked;
    }, false);
    return into;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  // Where in a record the first word found is: the last element before it whose id matches
  // (an article's paragraphs are p1, p2, ...; a quote record's quotations q1, q2, ...).
  function place(data, pattern) {
    var at = (data.locations || [])[0];
    var best = null;
    (data.anchors || []).forEach(function (a) {
      if (pattern.test(a.id) && at !== undefined && a.location <= at) best = a.id;
    });
    return best;
  }

  function item(data) {
    var meta = data.meta || {};
    var li = el("li", "search-result " + (meta.type === "quote" ? "quote-result" : "article-result"));
    var link = el("a");
    var where = el("p", "meta");
    if (meta.type === "quote") {
      var quote = place(data, /^q\d+$/);
      link.href = new URL(meta.url + (quote ? "#" + quote : ""), root).href;
      link.textContent = meta.title;
      li.appendChild(el("h2")).appendChild(link);
      li.appendChild(excerpt(data.excerpt, el("blockquote", "excerpt")));
      where.textContent = "In “" + (meta.article || "") + "”";
    } else {
      var anchor = place(data, /^p\d+$/);
      link.href = data.url + (anchor ? "#" + anchor : "");
      link.textContent = meta.title || data.url;
      li.appendChild(el("h2")).appendChild(link);
      li.appendChild(excerpt(data.excerpt, el("p", "excerpt")));
      where.textContent = anchor ? "Paragraph " + anchor.slice(1) : "Article";
    }
    if (meta.source) where.textContent += " · " + meta.source;
    if (meta.date) where.textContent += " · " + meta.date;
    li.appendChild(where);
    return li;
  }
})();
