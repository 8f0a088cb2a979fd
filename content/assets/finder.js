// The finder and the header search box. Plain JavaScript on Pagefind's JS API: no framework,
// nothing loaded from another site. Text from listings is only ever set with textContent.
(function () {
  "use strict";

  var configElement = document.getElementById("__config");
  var base = configElement ? JSON.parse(configElement.textContent).base : ".";
  var root = base.replace(/\/?$/, "/");

  addHeaderSearch();
  var finder = document.getElementById("pb-finder");
  if (finder) {
    startFinder(finder).catch(function (error) {
      var status = document.getElementById("pb-count");
      if (status) {
        status.textContent = "The search index could not be loaded. Browse the listings instead.";
      }
      console.error(error);
    });
  }

  // A small form in the header of every page: it hands the words to the finder page.
  function addHeaderSearch() {
    var inner = document.querySelector(".md-header__inner");
    if (!inner || inner.querySelector(".pb-header-search")) return;
    var form = el("form", { className: "pb-header-search", action: root + "find/", method: "get" });
    form.setAttribute("role", "search");
    var label = el("label", { htmlFor: "pb-header-q", className: "pb-visually-hidden" },
      "Search opportunities");
    var input = el("input", { id: "pb-header-q", name: "q", type: "search",
      placeholder: "Search opportunities", autocomplete: "off" });
    var button = el("button", { type: "submit", className: "pb-header-search__go" }, "Go");
    form.append(label, input, button);
    inner.appendChild(form);
  }

  function el(tag, props, text) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) { node[key] = props[key]; });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  async function startFinder(container) {
    var config = JSON.parse(document.getElementById("pb-finder-config").textContent);
    var labels = {};
    config.facets.forEach(function (facet) {
      labels[facet.key] = {};
      facet.values.forEach(function (pair) { labels[facet.key][pair[0]] = pair[1]; });
    });
    container.hidden = false;
    var filtersBox = container.querySelector(".pb-finder__filters");
    var filtersTitle = filtersBox.querySelector("summary");
    // On a phone the filters start folded, so the results are in sight.
    if (window.matchMedia("(max-width: 45em)").matches) filtersBox.open = false;
    var form = container.querySelector("form");
    var query = document.getElementById("pb-q");
    var sort = document.getElementById("pb-sort");
    var closed = document.getElementById("pb-closed");
    var facetsBox = document.getElementById("pb-facets");
    var count = document.getElementById("pb-count");
    var list = document.getElementById("pb-results");
    var more = document.getElementById("pb-more");
    var follow = document.getElementById("pb-follow");
    var expanded = {};
    var shown = [];
    var pending = [];
    var generation = 0;
    var state = readState();
    // Words that name a filter ("remote", "Spanish", "CLE", "law student": see
    // generator/site/finder_words.py) act as that filter and leave the text that is searched.
    // `asked` is what state.q says once they are taken out; `sel` the filters in force: the
    // boxes ticked and those the words tick.
    var words = config.words || {};
    var codes = config.codes || {};
    var longest = Object.keys(words).reduce(function (n, p) {
      return Math.max(n, p.split(" ").length);
    }, 1);
    var applied = document.getElementById("pb-applied");
    var asked = { text: "", sel: {}, found: [] };
    var sel = {};

    var pagefind = await import(root + "pagefind/pagefind.js");
    await pagefind.options({ baseUrl: new URL(root, location.href).pathname });
    pagefind.init();
    // Counts come only for filters Pagefind has loaded. The primary facets are loaded by every
    // search (see filtersFor); the others, with all their bytes, only once "More filters" is
    // opened or the address already uses one of them.
    var allLoaded = false;
    async function loadAll() {
      if (allLoaded) return;
      await pagefind.filters();
      allLoaded = true;
    }
    fillControls();
    await run();

    var typing;
    query.addEventListener("input", function () {
      clearTimeout(typing);
      typing = setTimeout(function () { state.q = query.value; update(false); }, 250);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(typing);
      state.q = query.value;
      update(true);
    });
    sort.addEventListener("change", function () { state.sort = sort.value; update(true); });
    closed.addEventListener("change", function () { state.closed = closed.checked; update(true); });
    facetsBox.addEventListener("change", function (event) {
      var box = event.target;
      if (box.type !== "checkbox") return;
      if (!box.checked) {
        dropWords(function (f) { return f.key === box.name && f.values.indexOf(box.value) >= 0; });
      }
      var chosen = state.sel[box.name] || [];
      chosen = chosen.filter(function (v) { return v !== box.value; });
      if (box.checked) chosen.push(box.value);
      if (chosen.length) state.sel[box.name] = chosen; else delete state.sel[box.name];
      update(true, box.id);
    });
    document.getElementById("pb-reset").addEventListener("click", function () {
      state = { q: "", sort: "relevance", closed: false, sel: {} };
      fillControls();
      update(true);
      query.focus();
    });
    more.addEventListener("click", function () { showMore(12, true); });
    window.addEventListener("popstate", function () {
      state = readState();
      fillControls();
      run();
    });

    function readState() {
      var params = new URLSearchParams(location.search);
      var read = { q: params.get("q") || "", sort: params.get("sort") || "relevance",
        closed: params.get("closed") === "1", sel: {} };
      config.facets.forEach(function (facet) {
        var values = [];
        params.getAll(facet.key).forEach(function (v) { values = values.concat(v.split(",")); });
        values = values.filter(Boolean);
        if (values.length) read.sel[facet.key] = values;
      });
      // "Newest first" was a sort order; an old link to it now asks for what is new
      if (read.sort === "newest") {
        read.sort = "relevance";
        if (facetOf("new")) read.sel["new"] = ["yes"];
      }
      if (read.sort !== "urgent") read.sort = "relevance";
      return read;
    }

    function writeState(push) {
      var params = new URLSearchParams();
      if (state.q.trim()) params.set("q", state.q.trim());
      config.facets.forEach(function (facet) {
        (state.sel[facet.key] || []).forEach(function (v) { params.append(facet.key, v); });
      });
      if (state.sort !== "relevance") params.set("sort", state.sort);
      if (state.closed) params.set("closed", "1");
      var text = params.toString();
      var url = location.pathname + (text ? "?" + text : "");
      if (url === location.pathname + location.search) return;
      (push ? history.pushState : history.replaceState).call(history, null, "", url);
    }

    function fillControls() {
      query.value = state.q;
      sort.value = state.sort;
      closed.checked = state.closed;
    }

    function update(push, focusId) {
      writeState(push);
      return run(focusId);
    }

    // hiddenOnly: the listings left out by default (each has a status filter; open ones none)
    function filtersFor(leaveOut, hiddenOnly) {
      var filters = {};
      if (hiddenOnly) {
        filters.status = { any: hiddenStatuses() };
      } else if (!state.closed) {
        filters.status = { none: Object.keys(config.statuses).filter(function (s) {
          return s !== "open";
        }) };
      }
      config.facets.forEach(function (facet) {
        var chosen = sel[facet.key];
        if (chosen && facet.key !== leaveOut) {
          if (facet.implicit && chosen.indexOf(facet.implicit) >= 0) {
            // the index does not hold the implicit value: its listings are "none of the others"
            var others = facet.values.map(function (pair) { return pair[0]; })
              .filter(function (v) { return chosen.indexOf(v) < 0; });
            filters[facet.key] = { none: others.length ? others : [facet.implicit] };
          } else {
            filters[facet.key] = { any: chosen };
          }
        } else if (facet.primary) {
          // every listing has a value here, so "any of all values" narrows nothing; it makes
          // Pagefind load this facet and report its counts ("none of" the implicit value, which
          // no listing holds in the index, does the same)
          filters[facet.key] = facet.implicit ? { none: [facet.implicit] } :
            { any: facet.values.map(function (pair) { return pair[0]; }) };
        }
      });
      return filters;
    }

    function hiddenStatuses() {
      return Object.keys(config.statuses).filter(function (s) { return s !== "open"; });
    }

    function facetOf(key) {
      return config.facets.filter(function (facet) { return facet.key === key; })[0];
    }

    // A facet's counts from a search, with its implicit value's count: the results that hold
    // none of its other values (each listing has exactly one value of such a facet).
    function countsOf(facet, search) {
      var found = Object.assign({}, search.filters[facet.key] || {});
      if (facet.implicit) {
        var others = Object.keys(found).reduce(function (n, v) {
          return v === facet.implicit ? n : n + found[v];
        }, 0);
        found[facet.implicit] = Math.max(0, search.results.length - others);
      }
      return found;
    }

    function fold(text) {
      return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, "");
    }

    // Reads state.q into `asked` and `sel`: at each word the longest phrase of the map that
    // starts there ("law student" before "student"); a state code only as typed, in capitals.
    function readWords() {
      var q = state.q, tokens = [], m, re = /[\p{L}\p{N}]+/gu;
      while ((m = re.exec(q))) tokens.push({ start: m.index, end: re.lastIndex, word: fold(m[0]) });
      asked = { sel: {}, found: [] };
      for (var i = 0; i < tokens.length; i++) {
        for (var n = Math.min(longest, tokens.length - i); n > 0; n--) {
          var phrase = tokens.slice(i, i + n).map(function (t) { return t.word; }).join(" ");
          var pairs = words[phrase] || (n === 1 && codes[q.slice(tokens[i].start, tokens[i].end)]);
          if (!pairs) continue;
          var found = { key: pairs[0][0], values: pairs.map(function (p) { return p[1]; }),
            start: tokens[i].start, end: tokens[i + n - 1].end };
          found.phrase = q.slice(found.start, found.end);
          asked.found.push(found);
          asked.sel[found.key] = (asked.sel[found.key] || []).concat(found.values);
          i += n - 1;
          break;
        }
      }
      asked.text = without(asked.found).trim();
      sel = {};
      [state.sel, asked.sel].forEach(function (from) {
        Object.keys(from).forEach(function (key) {
          sel[key] = (sel[key] || []).concat(from[key].filter(function (v) {
            return (sel[key] || []).indexOf(v) < 0;
          }));
        });
      });
    }

    // state.q without the phrases given (the other words as typed)
    function without(found) {
      var q = state.q;
      found.slice().reverse().forEach(function (f) { q = q.slice(0, f.start) + q.slice(f.end); });
      return q.replace(/\s+/g, " ");
    }

    // Takes out of the words the phrases that `which` picks, and their filters out of the boxes.
    function dropWords(which) {
      var gone = asked.found.filter(which);
      gone.forEach(function (f) {
        if (state.sel[f.key]) {
          state.sel[f.key] = state.sel[f.key].filter(function (v) {
            return f.values.indexOf(v) < 0;
          });
          if (!state.sel[f.key].length) delete state.sel[f.key];
        }
      });
      state.q = without(gone).trim();
      query.value = state.q;
    }

    // "Showing: Remote possible: Yes — from your words “remote” [Remove]": a filter the words
    // applied says so, and can be taken off without losing the other words.
    function renderApplied() {
      applied.replaceChildren();
      applied.hidden = !asked.found.length;
      if (!asked.found.length) return;
      applied.append("Showing: ");
      asked.found.forEach(function (f, i) {
        var what = facetOf(f.key).label + ": " + f.values.map(function (v) {
          return labels[f.key][v] || v;
        }).join(" or ");
        if (i) applied.append("; ");
        applied.append(what + " \u2014 from your words \u201c" + f.phrase + "\u201d ");
        var remove = el("button", { type: "button", className: "pb-facet__more" }, "Remove");
        remove.setAttribute("aria-label", "Remove " + what);
        remove.addEventListener("click", function () {
          dropWords(function (g) { return g.start === f.start && g.phrase === f.phrase; });
          update(true);
          query.focus();
        });
        applied.append(remove);
      });
    }

    async function run(focusId) {
      var mine = ++generation;
      list.setAttribute("aria-busy", "true");
      readWords();
      var term = asked.text || null;
      // a filter the words apply shows as a ticked box, so its group has to be loaded
      if (config.facets.some(function (f) { return !f.primary && sel[f.key]; })) await loadAll();
      if (mine !== generation) return;
      var options = { filters: filtersFor(null) };
      // urgent first, then confirmed, most recently first (the "helps" key of each listing's
      // page): asked for, or when there are no words to rank by
      if (state.sort === "urgent" || (state.sort === "relevance" && !term)) {
        options.sort = { helps: "desc" };
      }
      var search = await pagefind.search(term, options);
      var total = search.results.length;
      // nothing shown: do listings hidden by default match? (asked before the status speaks)
      var hidden = total || state.closed ? null :
        await pagefind.search(term, { filters: filtersFor(null, true) });
      if (mine !== generation) return; // a newer search has started
      var counts = {};
      config.facets.forEach(function (facet) { counts[facet.key] = countsOf(facet, search); });
      var chosen = Object.keys(sel);
      renderApplied();
      // Results first; the counts of chosen facets follow (see below), marked as pending.
      renderFacets(counts, focusId, chosen);
      pending = search.results.slice();
      shown = [];
      list.replaceChildren();
      count.textContent = total === 1 ? "1 opportunity" : total + " opportunities";
      renderFollow();
      if (total === 0) renderEmpty(hidden && hidden.results.length ? hidden : null);
      await showMore(6, false);
      if (mine !== generation) return;
      // Within a facet values combine with OR, so a chosen facet's counts come from a search
      // that leaves that facet out: each count says what choosing the value would give.
      for (var i = 0; i < chosen.length; i++) {
        var without = await pagefind.search(term, { filters: filtersFor(chosen[i]) });
        if (mine !== generation) return;
        counts[chosen[i]] = countsOf(facetOf(chosen[i]), without);
      }
      if (chosen.length) renderFacets(counts, document.activeElement && document.activeElement.id, []);
      list.setAttribute("aria-busy", "false");
    }

    // What is set, in words: “vacatur” with Remedy: T visa or U visa; State: California.
    function whatIsSet() {
      var words = asked.text ? "\u201c" + asked.text + "\u201d" : "";
      var chosen = config.facets.filter(function (f) { return sel[f.key]; })
        .map(function (f) {
          return f.label + ": " + sel[f.key].map(function (v) {
            return labels[f.key][v] || v;
          }).join(" or ");
        }).join("; ");
      return words && chosen ? words + " with " + chosen : words || chosen;
    }

    // No result: say what was looked for, and whether listings hidden by default (paused,
    // closed, past...) match it, with a button that shows them.
    function renderEmpty(hidden) {
      var set = whatIsSet();
      var advice = Object.keys(sel).length ? "Remove a filter, or reset." :
        set ? "Try other words, or reset." : "";
      var item = el("li", { className: "pb-empty" });
      list.append(item);
      if (!hidden) {
        item.textContent = (set ? "Nothing matches " + set + ". " : "Nothing to show. ") + advice;
        return;
      }
      var n = hidden.results.length;
      var byStatus = hiddenStatuses().filter(function (s) {
        return (hidden.filters.status || {})[s];
      }).map(function (s) {
        return hidden.filters.status[s] + " " + config.statuses[s].toLowerCase();
      });
      count.textContent = "No open opportunities match; " + (n === 1 ?
        "1 listing hidden by default does" : n + " listings hidden by default do") +
        (byStatus.length ? ": " + byStatus.join(", ") : "") + ".";
      item.append(el("p", {}, set ? "Nothing open matches " + set + "." :
        "No listing is open right now."));
      var show = el("button", { type: "button", id: "pb-show-hidden", className: "md-button" },
        n === 1 ? "Show the hidden listing" : "Show the " + n + " hidden listings");
      show.addEventListener("click", async function () {
        state.closed = true;
        fillControls();
        await update(true);
        var first = list.querySelector(".pb-card a");
        if (first) first.focus();
      });
      item.append(show);
    }

    // "Follow": the Atom feed of each chosen value that has one (remedy, state, kind of
    // listing, organization, clients), so new listings reach a feed reader with no account.
    function renderFollow() {
      var links = [];
      Object.keys(sel).forEach(function (key) {
        var paths = (config.feeds || {})[key] || {};
        sel[key].forEach(function (value) {
          if (paths[value]) links.push([labels[key][value] || value, root + paths[value]]);
        });
      });
      follow.replaceChildren();
      follow.hidden = links.length === 0;
      if (!links.length) return;
      follow.append("Follow new listings (Atom feed): ");
      links.forEach(function (pair, i) {
        if (i) follow.append(" · ");
        follow.append(el("a", { href: pair[1], type: "application/atom+xml" }, pair[0]));
      });
    }

    async function showMore(n, focusFirst) {
      var mine = generation;
      var next = pending.splice(0, n);
      var data = await Promise.all(next.map(function (r) { return r.data(); }));
      // A newer search has cleared the list meanwhile (a quick uncheck, then back): these cards
      // belong to the old one and would join the new results.
      if (mine !== generation) return;
      data.forEach(function (item, i) {
        var card = renderCard(item);
        list.append(card);
        if (focusFirst && i === 0) card.querySelector("a").focus();
      });
      more.hidden = pending.length === 0;
    }

    // The card facts that describe no opportunity come as codes (generator/site/search_index.py:
    // "pbx", a letter, then the value), so no search matches their words; these write them out
    // with the words the config carries (generator/core/freshness.py: LINES, SOURCES, WHEN).
    function decode(codes) {
      var found = {};
      (codes || "").split(" ").forEach(function (word) {
        if (word.indexOf("pbx") === 0) found[word.charAt(3)] = word.slice(4);
      });
      return found;
    }

    function fill(template, parts) {
      return template.replace(/\{(\w+)\}/g, function (_, key) { return parts[key]; });
    }

    function dateOf(digits) {
      return new Date(Date.UTC(+digits.slice(0, 4), +digits.slice(4, 6) - 1, +digits.slice(6, 8)));
    }

    function month(date) {
      return date.toLocaleString("en-US", { month: "long", timeZone: "UTC" });
    }

    function monthFirst(date) {  // "May 6, 2026", as freshness.long_date writes it
      return month(date) + " " + date.getUTCDate() + ", " + date.getUTCFullYear();
    }

    function fromHex(hex) {
      var bytes = new Uint8Array((hex.match(/../g) || []).map(function (b) { return parseInt(b, 16); }));
      return new TextDecoder().decode(bytes);
    }

    function confirmation(code, org) {
      var words = config.confirmation;
      var line = /^([a-z]+)(\d{8})$/.exec(code.c || "");
      if (!line || !words.lines[line[1]]) return { kind: "", text: "" };
      var date = dateOf(line[2]);
      var source = /^(own|none|host)([0-9a-f]*)$/.exec(code.s || "") || ["", "none", ""];
      var when = /^(updated|published|estimated|undated)(\d*)$/.exec(code.w || "") || ["", "undated", ""];
      var whenDate = when[2].length === 8 ? monthFirst(dateOf(when[2])) : "";
      return { kind: line[1], text: fill(words.lines[line[1]], {
        org: org, date: monthFirst(date),
        source: fill(words.sources[source[1]], { host: fromHex(source[2]) }),
        when: fill(words.when[when[1]], { date: whenDate, year: when[2] })
      }) };
    }

    function statusOf(code) {
      return Object.keys(config.statuses).filter(function (s) {
        return s.replace(/-/g, "") === code.t;
      })[0] || "open";
    }

    function renderCard(item) {
      var m = item.meta;
      var code = decode(m.codes);
      var status = statusOf(code);
      var checked = confirmation(code, m.org);
      var li = el("li", { className: "pb-card" });
      var h = el("h3", { className: "pb-card__title" });
      h.append(el("a", { href: item.url }, m.title));
      li.append(h);
      li.append(el("p", { className: "pb-card__org" }, m.org + " · " + m.place));
      var badges = el("p", { className: "pb-card__badges" });
      if (m.kind && m.kind !== "Program") badges.append(badge(m.kind, "pb-badge--kind"));
      if (code.u === "1") badges.append(badge("Urgent", "pb-badge--urgent"));
      if (status !== "open") {
        badges.append(badge(config.statuses[status], "pb-badge--closed"));
      } else if (checked.kind === "unconfirmed") {
        badges.append(badge(checked.text, "pb-badge--stale"));
      } else if (checked.kind === "described") {
        badges.append(badge(fill(config.confirmation.lines.described_badge, { org: m.org }),
                            "pb-badge--described"));
      }
      badges.append(code.r === "yes" ? badge("Remote possible", "pb-badge--remote")
        : code.r === "no" ? badge("In person", "") : "");
      (m.support ? m.support.split("|") : []).forEach(function (s) { badges.append(badge(s, "")); });
      li.append(badges);
      if (m.summary) li.append(el("p", { className: "pb-card__summary" }, m.summary));
      var meta = el("p", { className: "pb-card__meta" });
      var when = m.kind === "Training" ? "When: " : m.kind === "Case" ? "Deadline: " : "Commitment: ";
      if (m.commitment) meta.append(el("span", {}, when + m.commitment));
      if (m.languages) meta.append(el("span", {}, "Languages: " + m.languages));
      meta.append(el("span", {}, checked.text));
      li.append(meta);
      return li;
    }

    function badge(text, extra) {
      return el("span", { className: ("pb-badge " + extra).trim() }, text);
    }

    function renderFacets(counts, focusId, waiting) {
      waiting = waiting || [];
      var chosenCount = Object.keys(sel).reduce(function (n, k) {
        return n + sel[k].length;
      }, 0);
      filtersTitle.textContent = chosenCount ? "Filters (" + chosenCount + " chosen)" : "Filters";
      facetsBox.replaceChildren();
      config.facets.forEach(function (facet) {
        if (!facet.primary && !allLoaded) return;
        var chosen = sel[facet.key] || [];
        var values = facet.values.map(function (pair) { return pair[0]; });
        values.forEach(function (v) { counts[facet.key][v] = counts[facet.key][v] || 0; });
        chosen.forEach(function (v) { if (values.indexOf(v) < 0) values.push(v); });
        var useful = values.filter(function (v) {
          return counts[facet.key][v] > 0 || chosen.indexOf(v) >= 0 ||
            (waiting.indexOf(facet.key) >= 0 && expanded[facet.key]);
        });
        if (!useful.length) return;
        var box = el("fieldset", { className: facet.primary ? "pb-facet" : "pb-facet pb-facet--more" });
        box.append(el("legend", {}, facet.label));
        var limit = expanded[facet.key] ? useful.length : 8;
        useful.sort(function (a, b) {
          return (chosen.indexOf(b) >= 0) - (chosen.indexOf(a) >= 0) ||
            counts[facet.key][b] - counts[facet.key][a];
        });
        useful.slice(0, limit).forEach(function (value) {
          var id = "pb-f-" + facet.key + "-" + value.replace(/[^a-z0-9-]/gi, "_");
          var row = el("div", { className: "pb-facet__value" });
          var input = el("input", { type: "checkbox", id: id, name: facet.key, value: value,
            checked: chosen.indexOf(value) >= 0 });
          var label = el("label", { htmlFor: id });
          label.append(document.createTextNode((labels[facet.key][value] || value) + " "));
          var shownCount = waiting.indexOf(facet.key) >= 0 && chosen.indexOf(value) < 0 ?
            "(…)" : "(" + counts[facet.key][value] + ")";
          label.append(el("span", { className: "pb-count" }, shownCount));
          row.append(input, label);
          box.append(row);
        });
        if (useful.length > 8) {
          var toggle = el("button", { type: "button", className: "pb-facet__more" },
            expanded[facet.key] ? "Show fewer" : "Show all " + useful.length);
          toggle.setAttribute("aria-expanded", expanded[facet.key] ? "true" : "false");
          toggle.addEventListener("click", function () {
            expanded[facet.key] = !expanded[facet.key];
            renderFacets(counts, null, []);
          });
          box.append(toggle);
        }
        facetsBox.append(box);
      });
      var hidden = config.facets.filter(function (f) { return !f.primary; })
        .map(function (f) { return f.label; });
      if (!allLoaded && hidden.length) {
        var moreFilters = el("button", { type: "button", id: "pb-more-filters",
          className: "md-button pb-facet__all" }, "More filters");
        moreFilters.addEventListener("click", async function () {
          moreFilters.disabled = true;
          moreFilters.textContent = "Loading filters…";
          await loadAll();
          await run("pb-more-filters-done");
        });
        facetsBox.append(el("p", { className: "pb-facet__hint" }, hidden.join(", ") + ":"),
          moreFilters);
      } else if (focusId === "pb-more-filters-done") {
        var firstNew = facetsBox.querySelector(".pb-facet--more input");
        if (firstNew) firstNew.focus();
        focusId = null;
      }
      if (focusId) {
        var again = document.getElementById(focusId);
        if (again) again.focus();
      }
    }
  }
})();
