/*
 * Blog search widget: a search box for any site, served by the blog search API.
 *
 *   <div data-blog-search></div>
 *   <script src="https://search.example.com/widget.js" defer></script>
 *
 * Options are data- attributes of the script tag (or of the mount element, which wins):
 *   data-api          the API's address (default: the folder this script came from)
 *   data-placeholder  the input's placeholder
 *   data-size         results per page (default 8)
 *   data-lang         zh or en (default: from <html lang>)
 *   data-site         prefix for the posts' URLs (default: this page's origin)
 *   data-css          "none" to bring your own stylesheet instead of widget.css
 *   data-url-param    a page URL parameter to search on load (default q; "" for none)
 *   data-filter-lang  the language whose posts to search on a multilingual blog (default: <html lang>; "none" for
 *                     all); the reader can switch to all languages and back
 *
 * Each search carries burst=<random id>: the requests of one burst of typing in one box share it, so the service
 * counts the burst as one search. A new id when the box is emptied, a result is opened, or after 10 s without a
 * search; it lives in this page's memory only (no cookie, no storage).
 *
 * On a post's page, <div data-blog-search-related="posts/my-post"></div> lists the posts most like it instead
 * (the value is the post's id, or its file path under content/, as Hugo's {{ .File.Path }} gives it).
 * The only global is BlogSearch (BlogSearch.mount(element)). Everything from the API is inserted as text, except
 * titleHtml, excerptHtml, headingHtml and suggestion html, which the API escapes and marks up only with <mark>.
 */
(function () {
  "use strict";

  var CSS_VERSION = "__BLOGSEARCH_CSS_VERSION__";
  var DEBOUNCE_MS = 150;
  var BURST_IDLE_MS = 10000;
  var script = document.currentScript || document.querySelector("script[src*='widget.js']");
  var scriptData = (script && script.dataset) || {};
  // The API is where this script came from, path included: /search-api/widget.js behind a proxy means /search-api.
  var scriptBase = script && script.src ? new URL(".", new URL(script.src, document.baseURI)).href : location.origin;

  var LABELS = {
    zh: {
      placeholder: "搜索文章…", label: "搜索本站", results: function (n) { return "找到 " + n + " 篇文章"; },
      none: function (q) { return "没有找到与“" + q + "”相关的文章。换个说法试试？"; },
      noneTag: function (t) { return "标签“" + t + "”下没有匹配的文章。"; },
      unreachable: "无法连接搜索服务，请检查网络或稍后再试。", tooMany: "搜索太频繁了，请稍等几秒再试。",
      error: function (s) { return "搜索出错了（HTTP " + s + "），请稍后再试。"; },
      more: "更多结果", loading: "搜索中…", tag: "标签", removeTag: function (t) { return "取消标签筛选：" + t; },
      filterTag: function (t) { return "只看标签 " + t; }, suggest: "建议", partial: "结果可能不完整（搜索超时）。",
      category: "分类", year: "年份", noneFiltered: "所选筛选条件下没有文章。", filters: "筛选",
      removeFilter: function (name, v) { return "取消筛选：" + name + " " + v; },
      narrow: function (name, v, n) { return "只看" + name + " " + v + "（" + n + " 篇）"; },
      // {} is where the query goes, shown as text
      showing: "显示 {} 的结果", asTyped: "仍然搜索 {}",
      clear: "清除", hint: "按 / 搜索", related: "相关文章",
      allLanguages: "搜索所有语言", onlyLanguage: function (name) { return "只看" + name + "文章"; }
    },
    en: {
      placeholder: "Search posts…", label: "Search this site",
      results: function (n) { return n === 1 ? "1 result" : n + " results"; },
      none: function (q) { return "No posts match “" + q + "”. Try other words?"; },
      noneTag: function (t) { return "No matching posts tagged “" + t + "”."; },
      unreachable: "Cannot reach the search service. Check your connection or try again later.",
      tooMany: "Too many searches at once; wait a few seconds and try again.",
      error: function (s) { return "Search failed (HTTP " + s + "). Please try again later."; },
      more: "More results", loading: "Searching…", tag: "Tag", removeTag: function (t) { return "Remove tag filter: " + t; },
      filterTag: function (t) { return "Only posts tagged " + t; }, suggest: "Suggestions",
      category: "Category", year: "Year", noneFiltered: "No posts match these filters.", filters: "Filters",
      removeFilter: function (name, v) { return "Remove filter: " + name + " " + v; },
      narrow: function (name, v, n) { return "Only " + name.toLowerCase() + " " + v + " (" + n + ")"; },
      showing: "Showing results for {}", asTyped: "Search for {} instead",
      partial: "Results may be incomplete (the search timed out).", clear: "Clear", hint: "Press / to search",
      related: "Related posts",
      allLanguages: "Search all languages", onlyLanguage: function (name) { return "Only posts in " + name; }
    }
  };

  var instances = 0;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  /** A label with {} filled by a node: the query stays text, whatever it holds. */
  function fill(template, node) {
    var at = template.indexOf("{}");
    return [template.slice(0, at), node, template.slice(at + 2)];
  }

  /** The box's text as searched: a space after the last word says the word is finished, so one is kept. */
  function queryOf(value) {
    return value.replace(/^\s+/, "").replace(/\s+$/, " ");
  }

  /** Eight random base-36 characters: a burst's id, which says nothing about the reader. */
  function randomId() {
    var bytes = new Uint8Array(8);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b % 36).toString(36); }).join("");
  }

  function option(name, mount) {
    var value = mount.dataset[name];
    return value != null ? value : scriptData[name];
  }

  function languageOf(mount) {
    var lang = (option("lang", mount) || document.documentElement.lang || navigator.language || "en").toLowerCase();
    return lang.indexOf("zh") === 0 ? "zh" : "en";
  }

  /** The language the reader reads the page in, whose posts to search first; "" to search every language. */
  function filterLanguageOf(mount) {
    var wanted = option("filterLang", mount);
    if (wanted == null || wanted === "auto") wanted = document.documentElement.lang || "";
    wanted = wanted.trim().toLowerCase();
    return wanted === "none" || wanted === "all" ? "" : wanted;
  }

  function primarySubtag(code) {
    return code.split(/[-_]/)[0];
  }

  /**
   * The blog's language that a page's language means: the same code, or the same language without its region
   * (en-US is en; zh-CN is zh, or the blog's only zh-...). "" when the blog has fewer than two languages (a filter
   * would then hide nothing or everything) or none of them is the page's.
   */
  function blogLanguage(wanted, codes) {
    if (!wanted || codes.length < 2) return "";
    if (codes.indexOf(wanted) >= 0) return wanted;
    var primary = primarySubtag(wanted);
    if (codes.indexOf(primary) >= 0) return primary;
    var same = codes.filter(function (code) { return primarySubtag(code) === primary; });
    return same.length === 1 ? same[0] : "";
  }

  /** A language's name for the reader ("English", "英语"), or its code where the browser cannot name it. */
  function languageName(code, uiLanguage) {
    try {
      return new Intl.DisplayNames([uiLanguage], { type: "language" }).of(code) || code;
    } catch (ignored) {
      return code;
    }
  }

  // From where the script came, not from data-api: the stylesheet belongs to this script's release, and a page
  // whose API is down still gets a styled box to say so in.
  function loadStylesheet() {
    if (scriptData.css === "none" || document.querySelector("link[data-blog-search-css]")) return;
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = scriptBase.replace(/\/+$/, "") + "/widget.css?v=" + CSS_VERSION;
    link.setAttribute("data-blog-search-css", "");
    document.head.appendChild(link);
  }

  function Widget(mount) {
    var id = "bs" + (++instances);
    var api = (option("api", mount) || scriptBase).replace(/\/+$/, "");
    var site = (option("site", mount) || "").replace(/\/+$/, "");
    var size = Math.min(50, Math.max(1, parseInt(option("size", mount), 10) || 8));
    var uiLanguage = languageOf(mount);
    var t = LABELS[uiLanguage];
    loadStylesheet();

    // options: what the arrow keys move through, in order: each hit, then its matching sections.
    // lang: the blog's language the page is in, searched unless the reader chose every language (allLanguages).
    var state = { query: "", tag: "", category: "", year: "", page: 1, total: 0, hits: [], options: [], active: -1,
      seq: 0, suggestSeq: 0, controller: null, timer: 0, composing: false, lastSearched: null,
      finished: false, verbatim: false, burst: "", burstAt: 0, lang: "", allLanguages: false };

    // Searches wait for the blog's languages: a blog without several languages is searched whole.
    var wantedLanguage = filterLanguageOf(mount);
    var languagesKnown = !wantedLanguage ? Promise.resolve() : fetch(api + "/api/languages", { mode: "cors" })
      .then(function (response) { return response.ok ? response.json() : { languages: [] }; })
      .then(function (body) {
        var codes = (body.languages || []).map(function (l) { return String(l.value).toLowerCase(); });
        state.lang = blogLanguage(wantedLanguage, codes);
      }, function () { /* the search reports the service being down */ });

    mount.classList.add("bs-root");
    mount.textContent = "";
    var box = el("div", "bs-box");
    var label = el("label", "bs-visually-hidden", t.label);
    label.htmlFor = id + "-input";
    var input = el("input", "bs-input");
    input.id = id + "-input";
    input.type = "search";
    input.autocomplete = "off";
    input.spellcheck = false;
    input.placeholder = option("placeholder", mount) || t.placeholder;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", id + "-list");
    input.setAttribute("enterkeyhint", "search");
    var hint = el("kbd", "bs-hint", "/");
    hint.title = t.hint;
    hint.setAttribute("aria-hidden", "true");
    box.append(label, input, hint);

    var panel = el("div", "bs-panel");
    panel.hidden = true;
    // The number of results and, when the service searched other words than those typed, which ones.
    var summary = el("div", "bs-summary");
    summary.hidden = true;
    var filters = el("div", "bs-filters");
    filters.setAttribute("role", "group");
    filters.setAttribute("aria-label", t.filters);
    filters.hidden = true;
    var suggestions = el("div", "bs-suggestions");
    suggestions.setAttribute("role", "group");
    suggestions.setAttribute("aria-label", t.suggest);
    suggestions.hidden = true;
    var message = el("p", "bs-message");
    var list = el("div", "bs-list");
    list.id = id + "-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", t.label);
    var more = el("button", "bs-more", t.more);
    more.type = "button";
    more.hidden = true;
    panel.append(summary, filters, suggestions, message, list, more);
    var status = el("div", "bs-visually-hidden");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    mount.append(box, panel, status);

    function open(isOpen) {
      panel.hidden = !isOpen;
      input.setAttribute("aria-expanded", String(isOpen && state.hits.length > 0));
      if (!isOpen) setActive(-1);
    }

    function setActive(index) {
      var previous = state.options[state.active];
      if (previous) previous.node.setAttribute("aria-selected", "false");
      state.active = index;
      var current = state.options[index];
      if (current) {
        current.node.setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", current.node.id);
        current.node.scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function showMessage(text, kind) {
      message.textContent = text || "";
      message.className = "bs-message" + (kind ? " bs-" + kind : "");
      message.hidden = !text;
    }

    function postUrl(url) {
      if (/^https?:\/\//i.test(url)) return url;
      return site ? site + url : new URL(url, location.origin).href;
    }

    // The searches of one burst of typing share an id, so the service counts them as one search: the last.
    function burstId() {
      var now = Date.now();
      if (!state.burst || now - state.burstAt > BURST_IDLE_MS) state.burst = randomId();
      state.burstAt = now;
      return state.burst;
    }

    function reportClick(hit, rank) {
      try {
        var params = new URLSearchParams({ q: state.query.trim(), id: hit.id, rank: String(rank) });
        fetch(api + "/api/click?" + params, { keepalive: true, mode: "cors" }).catch(function () {});
      } catch (ignored) { /* reporting must never stop the reader from opening the post */ }
    }

    // An option is a post or one of its sections; it opens where a link would (Ctrl/⌘/Shift or the middle
    // button: a new tab). Options hold no link themselves: nothing focusable may sit inside an ARIA option.
    function openOption(index, newTab) {
      var target = state.options[index];
      if (!target) return;
      reportClick(target.hit, target.rank);
      state.burst = ""; // what the reader types after opening a result is a new search
      if (newTab) window.open(target.url, "_blank", "noopener");
      else location.assign(target.url);
    }

    function addOption(node, url, hit, rank) {
      var index = state.options.length;
      node.id = id + "-opt-" + index;
      node.setAttribute("role", "option");
      node.setAttribute("aria-selected", "false");
      state.options.push({ node: node, url: url, hit: hit, rank: rank });
      node.addEventListener("mousemove", function () { if (state.active !== index) setActive(index); });
      node.addEventListener("click", function (event) {
        openOption(index, event.ctrlKey || event.metaKey || event.shiftKey);
      });
      node.addEventListener("auxclick", function (event) { if (event.button === 1) openOption(index, true); });
      return node;
    }

    function hasFilter() {
      return !!(state.tag || state.category || state.year);
    }

    function clearFilters() {
      state.tag = "";
      state.category = "";
      state.year = "";
    }

    function filterChip(name, value, clear) {
      var chip = el("button", "bs-chip bs-chip-active");
      chip.type = "button";
      chip.setAttribute("aria-label", name === t.tag ? t.removeTag(value) : t.removeFilter(name, value));
      chip.append(el("span", "bs-chip-label", name + ": " + value), el("span", "bs-chip-x", "×"));
      chip.addEventListener("click", function () {
        clear();
        input.focus();
        searchNow();
      });
      return chip;
    }

    // Categories and years that would narrow the results, from the API's facets: a click keeps the query and
    // shows only that category's or year's posts. A value every hit shares would narrow nothing, so it is left out.
    function refineChips(name, counts, limit, pick) {
      var useful = (counts || []).filter(function (c) { return c.count < state.total; }).slice(0, limit);
      if (!useful.length) return null;
      var row = el("div", "bs-refine");
      row.append(el("span", "bs-refine-label", name));
      useful.forEach(function (c) {
        var chip = el("button", "bs-chip bs-chip-refine", c.value);
        chip.type = "button";
        chip.title = t.narrow(name, c.value, c.count);
        chip.append(el("span", "bs-chip-count", String(c.count)));
        chip.addEventListener("click", function () {
          pick(c.value);
          input.focus();
          searchNow();
        });
        row.append(chip);
      });
      return row;
    }

    // Visible whenever the box filters by language: the reader can always search every language, and come back.
    function languageToggle() {
      var name = languageName(state.lang, uiLanguage);
      var toggle = el("button", "bs-chip bs-lang", state.allLanguages ? t.onlyLanguage(name) : t.allLanguages);
      toggle.type = "button";
      toggle.addEventListener("click", function () {
        state.allLanguages = !state.allLanguages;
        input.focus();
        searchNow();
      });
      return toggle;
    }

    function renderFilters(facets) {
      filters.textContent = "";
      if (state.lang) filters.append(languageToggle());
      if (state.tag) filters.append(filterChip(t.tag, state.tag, function () { state.tag = ""; }));
      if (state.category) filters.append(filterChip(t.category, state.category, function () { state.category = ""; }));
      if (state.year) filters.append(filterChip(t.year, state.year, function () { state.year = ""; }));
      if (facets && state.total > 1) {
        var categories = state.category ? null : refineChips(t.category, facets.categories, 5,
          function (label) { state.category = label; });
        var years = state.year ? null : refineChips(t.year, facets.years, 6, function (label) { state.year = label; });
        if (categories) filters.append(categories);
        if (years) filters.append(years);
      }
      filters.hidden = !filters.childNodes.length;
    }

    // "12 results · Showing results for kubernetes · Search for kub instead": the count is for everyone to see,
    // not only for screen readers, and a completed or corrected word is never a silent surprise.
    function renderSummary(query, response) {
      summary.textContent = "";
      summary.hidden = !state.total;
      if (!state.total) return "";
      summary.append(el("span", "bs-count", t.results(state.total)));
      var searched = response.searchedFor;
      if (!searched || !Array.isArray(response.rewrites) || !response.rewrites.length) return t.results(state.total);
      var showing = el("span", "bs-showing");
      showing.append.apply(showing, fill(t.showing, el("strong", null, searched)));
      var asTyped = el("button", "bs-as-typed");
      asTyped.type = "button";
      asTyped.append.apply(asTyped, fill(t.asTyped, el("em", null, query.trim())));
      asTyped.addEventListener("click", function () {
        state.verbatim = true;
        input.focus();
        searchNow();
      });
      summary.append(showing, asTyped);
      return t.results(state.total) + " · " + showing.textContent;
    }

    function renderHit(hit, rank) {
      var item = el("div", "bs-hit");
      item.setAttribute("role", "none");
      var post = addOption(el("div", "bs-post"), postUrl(hit.url), hit, rank);
      var title = el("span", "bs-title");
      title.innerHTML = hit.titleHtml; // escaped by the API, only <mark>
      post.append(title);
      var meta = el("div", "bs-meta");
      if (hit.date) {
        var time = el("time", "bs-date", hit.date.slice(0, 10));
        time.dateTime = hit.date;
        meta.append(time);
      }
      // A tag filters when clicked: a shortcut for the pointer (the keyboard has tag:name in the query), as a
      // button here would be a control inside an option.
      (hit.tags || []).forEach(function (tag) {
        var chip = el("span", "bs-chip bs-tag", tag);
        chip.title = t.filterTag(tag);
        chip.addEventListener("click", function (event) {
          event.stopPropagation();
          state.tag = tag;
          input.focus();
          searchNow();
        });
        meta.append(chip);
      });
      post.append(meta);
      if (hit.excerptHtml) {
        var excerpt = el("p", "bs-excerpt");
        excerpt.innerHTML = hit.excerptHtml; // escaped by the API, only <mark>
        post.append(excerpt);
      }
      item.append(post);
      if (Array.isArray(hit.sections) && hit.sections.length) {
        var sections = el("div", "bs-sections");
        sections.setAttribute("role", "none");
        hit.sections.forEach(function (section) {
          var option = addOption(el("div", "bs-section"), postUrl(section.url), hit, rank);
          option.innerHTML = section.headingHtml; // escaped by the API, only <mark>
          sections.append(option);
        });
        item.append(sections);
      }
      return item;
    }

    function render(query, response, append) {
      if (!append) {
        list.textContent = "";
        state.hits = [];
        state.options = [];
        state.active = -1;
        input.removeAttribute("aria-activedescendant");
      }
      var start = state.hits.length;
      state.hits = state.hits.concat(response.hits || []);
      state.total = response.total || 0;
      (response.hits || []).forEach(function (hit, i) { list.append(renderHit(hit, start + i + 1)); });
      renderFilters(response.facets);
      var said = renderSummary(query, response);
      if (state.total === 0) {
        showMessage(!hasFilter() ? t.none(query.trim())
          : !query && !state.category && !state.year ? t.noneTag(state.tag) : t.noneFiltered, "empty");
      } else {
        showMessage(response.partial ? t.partial : "", response.partial ? "note" : "");
      }
      more.hidden = state.hits.length >= state.total;
      status.textContent = state.total === 0 ? message.textContent : said;
      mount.setAttribute("data-state", state.total ? "results" : "empty");
      mount.setAttribute("data-query", query);
      open(true);
    }

    function fail(query, statusCode) {
      var text = statusCode === 0 ? t.unreachable : statusCode === 429 ? t.tooMany : t.error(statusCode);
      if (!state.hits.length) {
        list.textContent = "";
        summary.hidden = true;
      }
      more.hidden = true;
      showMessage(text, "error");
      status.textContent = text;
      mount.setAttribute("data-state", "error");
      mount.setAttribute("data-query", query);
      open(true);
    }

    function search(page) {
      var query = state.query;
      if (!query && !hasFilter()) {
        reset();
        return;
      }
      var seq = ++state.seq;
      if (state.controller) state.controller.abort();
      var controller = typeof AbortController === "function" ? new AbortController() : null;
      state.controller = controller;
      mount.setAttribute("aria-busy", "true");
      languagesKnown.then(function () {
        if (seq === state.seq) send(query, page, seq, controller);
      });
    }

    function send(query, page, seq, controller) {
      var params = new URLSearchParams({ q: query, size: String(size), page: String(page), burst: burstId() });
      if (state.lang && !state.allLanguages) params.append("lang", state.lang);
      // The last word may be unfinished while typing; a query from the page's URL was submitted whole.
      if (state.finished) params.append("prefix", "false");
      if (state.verbatim) params.append("verbatim", "true");
      if (state.tag) params.append("tag", state.tag);
      if (state.category) params.append("category", state.category);
      if (state.year) {
        params.append("from", state.year);
        params.append("to", state.year);
      }
      fetch(api + "/api/search?" + params, { signal: controller && controller.signal, mode: "cors" })
        .then(function (response) {
          if (!response.ok) throw { status: response.status };
          return response.json();
        })
        .then(function (body) {
          if (seq !== state.seq) return; // a newer search was started: never let an old answer win
          if (page === 1 && !body.total && state.hits.length && queryOf(input.value) !== query) {
            // The reader has typed on and that search is coming: "no results" for a word they are past would
            // only flash. The results on screen stay until it answers.
            state.lastSearched = null;
            return;
          }
          state.page = page;
          render(query, body, page > 1);
        }, function (error) {
          if (seq !== state.seq || (error && error.name === "AbortError")) return;
          fail(query, error && error.status ? error.status : 0);
        })
        .finally(function () { if (seq === state.seq) mount.removeAttribute("aria-busy"); });
    }

    function suggest(query) {
      var seq = ++state.suggestSeq;
      suggestions.textContent = "";
      suggestions.hidden = true;
      if (!query || query.length > 40) return;
      fetch(api + "/api/suggest?" + new URLSearchParams({ q: query, size: "5" }), { mode: "cors" })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (body) {
          if (seq !== state.suggestSeq) return;
          var items = (body.suggestions || []).filter(function (s) {
            return s.text.toLowerCase() !== query.toLowerCase();
          });
          suggestions.hidden = items.length === 0;
          if (!items.length) return;
          suggestions.append(el("span", "bs-suggestions-label", t.suggest));
          items.forEach(function (s) {
            var button = el("button", "bs-suggestion");
            button.type = "button";
            button.innerHTML = s.html; // escaped by the API, only <mark>
            button.addEventListener("click", function () {
              input.value = s.text;
              input.focus();
              typed();
              searchNow();
            });
            suggestions.append(button);
          });
        }, function () { /* suggestions are a nicety: the search reports the service being down */ });
    }

    function reset() {
      state.seq++;
      state.suggestSeq++;
      if (state.controller) state.controller.abort();
      state.hits = [];
      state.options = [];
      state.total = 0;
      state.lastSearched = null;
      state.burst = ""; // an emptied box starts a new search
      list.textContent = "";
      suggestions.textContent = "";
      summary.hidden = true;
      showMessage("");
      more.hidden = true;
      status.textContent = "";
      mount.removeAttribute("data-state");
      mount.removeAttribute("data-query");
      open(false);
    }

    function searchNow() {
      clearTimeout(state.timer);
      state.query = queryOf(input.value);
      var key = [state.query, state.tag, state.category, state.year, state.finished, state.verbatim,
        state.allLanguages].join("\u0000");
      if (key === state.lastSearched) return;
      state.lastSearched = key;
      search(1);
      suggest(state.query.trim());
    }

    /** The box's text changed: what it holds now is being typed, and searched with completion and correction. */
    function typed() {
      state.finished = false;
      state.verbatim = false;
    }

    function schedule() {
      clearTimeout(state.timer);
      state.timer = setTimeout(searchNow, DEBOUNCE_MS);
    }

    input.addEventListener("compositionstart", function () {
      state.composing = true;
      clearTimeout(state.timer);
    });
    input.addEventListener("compositionend", function () {
      state.composing = false;
      typed();
      schedule();
    });
    input.addEventListener("input", function (event) {
      typed();
      // An IME's unfinished syllables (pinyin letters) are not what the reader means to search for.
      if (state.composing || event.isComposing) return;
      schedule();
    });
    input.addEventListener("focus", function () { if (state.hits.length || message.textContent) open(true); });
    input.addEventListener("keydown", function (event) {
      if (event.isComposing || state.composing) return;
      var count = state.options.length;
      switch (event.key) {
        case "ArrowDown":
          if (!count) return;
          event.preventDefault();
          open(true);
          setActive(state.active + 1 >= count ? 0 : state.active + 1);
          break;
        case "ArrowUp":
          if (!count) return;
          event.preventDefault();
          open(true);
          setActive(state.active <= 0 ? count - 1 : state.active - 1);
          break;
        case "Enter":
          event.preventDefault();
          if (state.active >= 0 && !panel.hidden) openOption(state.active, event.ctrlKey || event.metaKey);
          else searchNow();
          break;
        case "Escape":
          event.preventDefault();
          if (!panel.hidden) {
            open(false);
          } else {
            input.value = "";
            clearFilters();
            reset();
          }
          break;
      }
    });
    more.addEventListener("click", function () {
      search(state.page + 1);
      input.focus();
    });
    document.addEventListener("click", function (event) {
      if (!mount.contains(event.target)) open(false);
    });

    this.input = input;
    var param = option("urlParam", mount);
    param = param == null ? "q" : param;
    var initial = param ? new URLSearchParams(location.search).get(param) : null;
    if (initial) {
      input.value = initial;
      state.finished = true;
      searchNow();
    }
  }

  /** A post's id from what a page may know of it: the id itself or its file path (posts/foo/index.md). */
  function postId(value) {
    return value.trim().replace(/\\/g, "/").replace(/^\/+|\/+$/g, "").replace(/\.md$/i, "").replace(/\/_?index$/, "");
  }

  // The posts most like the one this page shows; nothing at all when there are none or the service is down, as a
  // "related posts" box is an extra that must never leave an error on a post's page.
  function RelatedPosts(mount) {
    var api = (option("api", mount) || scriptBase).replace(/\/+$/, "");
    var site = (option("site", mount) || "").replace(/\/+$/, "");
    var size = Math.min(20, Math.max(1, parseInt(option("size", mount), 10) || 5));
    var t = LABELS[languageOf(mount)];
    var id = postId(mount.dataset.blogSearchRelated || "");
    mount.classList.add("bs-root", "bs-related");
    mount.hidden = true;
    if (!id) return;
    loadStylesheet();
    var path = id.split("/").map(encodeURIComponent).join("/");
    fetch(api + "/api/posts/" + path + "/related?size=" + size)
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (body) {
        var posts = (body && body.related) || [];
        if (!posts.length) return;
        var list = el("ul", "bs-related-list");
        posts.forEach(function (post) {
          var item = el("li", "bs-related-item");
          var link = el("a", "bs-related-link", post.title);
          link.href = /^https?:\/\//i.test(post.url) ? post.url : (site ? site + post.url : new URL(post.url, location.origin).href);
          item.append(link);
          if (post.date) {
            var time = el("time", "bs-date", post.date.slice(0, 10));
            time.dateTime = post.date;
            item.append(" ", time);
          }
          list.append(item);
        });
        mount.textContent = "";
        mount.append(el("h2", "bs-related-title", t.related), list);
        mount.hidden = false;
      }, function () { /* stays hidden */ });
  }

  var widgets = [];

  function typingElsewhere(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  document.addEventListener("keydown", function (event) {
    if (!widgets.length || event.defaultPrevented) return;
    var slash = event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !typingElsewhere(event.target);
    var commandK = (event.key === "k" || event.key === "K") && (event.ctrlKey || event.metaKey);
    if (slash || commandK) {
      event.preventDefault();
      widgets[0].input.focus();
      widgets[0].input.select();
    }
  });

  function mountAll() {
    document.querySelectorAll("[data-blog-search]").forEach(function (mount) {
      if (!mount.classList.contains("bs-root")) widgets.push(new Widget(mount));
    });
    document.querySelectorAll("[data-blog-search-related]").forEach(function (mount) {
      if (!mount.classList.contains("bs-root")) RelatedPosts(mount);
    });
  }

  window.BlogSearch = {
    related: function (element) { RelatedPosts(element); },
    mount: function (element) {
      var widget = new Widget(element);
      widgets.push(widget);
      return widget;
    }
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
})();
