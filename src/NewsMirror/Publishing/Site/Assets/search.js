// NewsMirror in-browser search. The index is a set of scripts in search/ that call NewsMirrorSearch.meta/terms/docs
// when loaded; they are loaded with <script> elements because file:// pages cannot fetch.
// A query's terms come from search-text.js (the twin of the C# search tokenizer), loaded before this script.
// FNV-1a over UTF-16 code units picks the shard of a term. Each term lists the documents whose title holds it and,
// after a '|', those whose body alone does; a hit must hold every term, in its title or body.
// Archived text (titles, excerpts) only ever enters the page as text nodes: highlights are <mark> elements around
// text nodes, never markup built from strings.
(function () {
  'use strict';

  var PAGE = 20;
  var store = { meta: null, terms: {}, recent: {}, docs: {} };
  var loading = {};
  var TITLE_WEIGHT = 3;
  var form, input, order, status, results, more, base;
  var current = { rest: [], scores: {}, needles: [], query: '' };

  window.NewsMirrorSearch = {
    meta: function (meta) { store.meta = meta; },
    terms: function (k, map) { store.terms[k] = map; },
    recent: function (k, map) { store.recent[k] = map; },
    docs: function (k, list) { store.docs[k] = list; }
  };

  function shardOf(term, count) {
    var hash = 0x811c9dc5;
    for (var i = 0; i < term.length; i++) {
      hash ^= term.charCodeAt(i);
      hash = Math.imul(hash, 16777619);
    }
    return (hash >>> 0) % count;
  }

  function load(file, isLoaded) {
    if (isLoaded()) return Promise.resolve();
    if (!loading[file]) {
      loading[file] = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        var version = store.meta ? '?v=' + encodeURIComponent(store.meta.version) : '?t=' + Date.now();
        script.src = base + file + version;
        script.onload = function () { isLoaded() ? resolve() : reject(new Error(file)); };
        script.onerror = function () { delete loading[file]; reject(new Error(file)); };
        document.head.appendChild(script);
      });
    }
    return loading[file];
  }

  function loadMeta() {
    return load('meta.js', function () { return store.meta !== null; });
  }

  function decodeList(list) {
    var documents = [];
    var value = 0;
    if (!list) return documents;
    list.split('.').forEach(function (delta) {
      value += parseInt(delta, 36);
      documents.push(value);
    });
    return documents;
  }

  // "title|body" → { title: [...], body: [...] }, each ascending.
  function decode(entry) {
    var bar = entry.indexOf('|');
    return bar < 0
      ? { title: decodeList(entry), body: [] }
      : { title: decodeList(entry.slice(0, bar)), body: decodeList(entry.slice(bar + 1)) };
  }

  function merge(a, b) {
    var result = [], i = 0, j = 0;
    while (i < a.length || j < b.length) {
      if (j >= b.length || (i < a.length && a[i] < b[j])) result.push(a[i++]);
      else result.push(b[j++]);
    }
    return result;
  }

  function contains(sorted, value) {
    var low = 0, high = sorted.length - 1;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (sorted[middle] === value) return true;
      if (sorted[middle] < value) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  }

  function intersect(lists) {
    lists.sort(function (a, b) { return a.length - b.length; });
    var result = lists[0];
    for (var i = 1; i < lists.length && result.length; i++) {
      var other = lists[i], kept = [], j = 0;
      for (var k = 0; k < result.length; k++) {
        while (j < other.length && other[j] < result[k]) j++;
        if (j < other.length && other[j] === result[k]) kept.push(result[k]);
      }
      result = kept;
    }
    return result;
  }

  function lookup(map, term) {
    return Object.prototype.hasOwnProperty.call(map, term) ? decode(map[term]) : { title: [], body: [] };
  }

  // Relevance: each term counts by its rarity (fewer documents, more weight), TITLE_WEIGHT times over when it is in
  // the title; ties go to the newer article (see comparer).
  function score(documents, postings) {
    var total = store.meta.docs;
    var scores = {};
    documents.forEach(function (d) {
      var sum = 0;
      postings.forEach(function (p) {
        var weight = Math.log(1 + total / Math.max(1, p.title.length + p.body.length));
        sum += contains(p.title, d) ? TITLE_WEIGHT * weight : weight;
      });
      scores[d] = sum;
    });
    return scores;
  }

  // A document's publication time, from its block (its sixth field); while the block is not loaded, the block's
  // newest time from meta.js stands in for it: never earlier than the real one.
  function timeOf(d) {
    var per = store.meta.docsPerBlock, b = Math.floor(d / per);
    return b in store.docs ? store.docs[b][d % per][5] : store.meta.blockNewest[b];
  }

  // Newest first (relevance: higher score first, then newest); equal times go to the higher number, so the order is
  // total. Document numbers follow the order builds first saw the articles, not their publication times.
  function comparer(scores, by) {
    return function (a, b) {
      return (by === 'relevance' ? scores[b] - scores[a] : 0) || timeOf(b) - timeOf(a) || b - a;
    };
  }

  // The next PAGE hits in order. Hits whose blocks are not loaded sort by their block's newest time, an upper bound of
  // their own: once the first PAGE are all loaded, no hit left behind can come before them. Numbers are close to
  // time order, so this loads about the blocks of the hits it shows.
  function nextPage(rest, scores, by, view) {
    var per = store.meta.docsPerBlock;
    rest.sort(comparer(scores, by));
    var page = rest.slice(0, PAGE);
    var missing = page.map(function (d) { return Math.floor(d / per); })
      .filter(function (b, i, all) { return !(b in store.docs) && all.indexOf(b) === i; });
    if (!missing.length || view !== current.view) return Promise.resolve(page);
    return Promise.all(missing.map(function (b) {
      return load('d' + b + '.js', function () { return b in store.docs; });
    })).then(function () { return nextPage(rest, scores, by, view); });
  }

  // Each term is looked up in the base index (t*.js) and, when there is one, in the index of articles added since
  // (r*.js); recent documents all come after the base's, so joining the two lists keeps them ascending.
  function find(terms) {
    var meta = store.meta;
    var base = terms.map(function (t) { return shardOf(t, meta.shards); });
    var recent = meta.recentShards ? terms.map(function (t) { return shardOf(t, meta.recentShards); }) : [];
    var loads = base.map(function (k) {
      return load('t' + k + '.js', function () { return k in store.terms; });
    }).concat(recent.map(function (k) {
      return load('r' + k + '.js', function () { return k in store.recent; });
    }));
    return Promise.all(loads).then(function () {
      var postings = terms.map(function (t, i) {
        var found = lookup(store.terms[base[i]], t);
        if (!recent.length) return found;
        var added = lookup(store.recent[recent[i]], t);
        return { title: found.title.concat(added.title), body: found.body.concat(added.body) };
      });
      var documents = intersect(postings.map(function (p) { return merge(p.title, p.body); }));
      return { documents: documents, scores: score(documents, postings) };
    });
  }

  function showMore() {
    var per = store.meta.docsPerBlock;
    var view = current.view;
    return nextPage(current.rest, current.scores, current.by, view).then(function (slice) {
      if (view !== current.view) return;
      current.rest = current.rest.slice(slice.length);
      slice.forEach(function (d) {
        var doc = store.docs[Math.floor(d / per)][d % per];
        var item = document.createElement('li');
        var link = document.createElement('a');
        link.href = doc[1];
        highlight(link, doc[0], current.needles);
        var meta = document.createElement('span');
        meta.className = 'meta';
        var source = document.createElement('span');
        source.className = 'source';
        source.textContent = store.meta.sources[doc[2]] || '';
        var time = document.createElement('time');
        time.dateTime = doc[3];
        time.textContent = doc[3];
        meta.append(source, ' ', time);
        item.append(link, ' ', meta);
        if (doc[4]) {
          var snippet = document.createElement('p');
          snippet.className = 'snippet';
          highlight(snippet, doc[4], current.needles);
          item.appendChild(snippet);
        }
        results.appendChild(item);
      });
      more.hidden = current.rest.length === 0;
    });
  }

  // Where the needles (query terms, folded) occur in the folded text, as merged [start, end) code point ranges. A
  // word needle matches whole words only; CJK needles match anywhere.
  function matches(folded, needles) {
    var ranges = [];
    needles.forEach(function (needle) {
      var n = Array.from(needle);
      var isWord = window.NewsMirrorSearchText.fold(n[0]).word[0];
      for (var i = 0; i + n.length <= folded.chars.length; i++) {
        var k = 0;
        while (k < n.length && folded.chars[i + k] === n[k]) k++;
        if (k < n.length) continue;
        if (isWord && ((i > 0 && folded.word[i - 1]) || (i + k < folded.word.length && folded.word[i + k]))) continue;
        ranges.push([i, i + k]);
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push(r.slice());
    });
    return merged;
  }

  // Fills parent with text as text nodes, the matches wrapped in <mark>.
  function highlight(parent, text, needles) {
    var folded = window.NewsMirrorSearchText.fold(text);
    var at = 0;
    matches(folded, needles).forEach(function (r) {
      var start = folded.starts[r[0]], end = folded.ends[r[1] - 1];
      if (start > at) parent.appendChild(document.createTextNode(text.slice(at, start)));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(start, end);
      parent.appendChild(mark);
      at = end;
    });
    if (at < text.length) parent.appendChild(document.createTextNode(text.slice(at)));
  }

  function show(found) {
    current.rest = found.documents.slice();
    current.scores = found.scores;
    current.by = order.value;
    current.found = found;
    current.view = {};
    results.textContent = '';
    more.hidden = true;
    return showMore();
  }

  function search(text) {
    var terms = window.NewsMirrorSearchText.queryTerms(text);
    current = { rest: [], scores: {}, needles: terms, query: text };
    results.textContent = '';
    more.hidden = true;
    if (!terms.length) {
      status.textContent = text.trim() ? '请输入中文字词或英文单词。' : '';
      return Promise.resolve();
    }
    status.textContent = '正在搜索…';
    return loadMeta().then(function () { return find(terms); }).then(function (found) {
      if (text !== current.query) return;
      // The count is announced once the first results are on the page, so that a reader (or a screen reader) told
      // "found" finds them there.
      return show(found).then(function () {
        if (text !== current.query) return;
        var count = found.documents.length;
        status.textContent = count ? '找到 ' + count + ' 篇文章' : '没有找到包含“' + text.trim() + '”的文章';
      });
    }).catch(function () {
      status.textContent = '无法载入搜索索引。';
    });
  }

  function remember(text) {
    try {
      var url = new URL(location.href);
      url.searchParams.set('q', text);
      url.searchParams.set('order', order.value);
      history.replaceState(null, '', url.href);
    } catch (e) {
      // Some file:// setups refuse history changes; the search itself still works.
    }
  }

  function start() {
    form = document.getElementById('search-form');
    if (!form) return;
    input = document.getElementById('q');
    order = document.getElementById('search-order');
    status = document.getElementById('search-status');
    results = document.getElementById('search-results');
    more = document.getElementById('search-more');
    base = form.getAttribute('data-index');
    var timer = 0;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      clearTimeout(timer);
      remember(input.value);
      search(input.value);
    });
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { search(input.value); }, 300);
    });
    more.addEventListener('click', function () { showMore(); });
    order.addEventListener('change', function () {
      remember(input.value);
      if (current.found) show(current.found);
    });
    var parameters = new URLSearchParams(location.search);
    if (parameters.get('order') === 'relevance') order.value = 'relevance';
    var initial = parameters.get('q');
    if (initial) {
      input.value = initial;
      search(initial);
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
