// NewsMirror in-browser search. The index is a set of scripts in search/ that call NewsMirrorSearch.meta/terms/docs
// when loaded; they are loaded with <script> elements because file:// pages cannot fetch.
// A query's terms come from search-text.js (the twin of the C# search tokenizer), loaded before this script.
// FNV-1a over UTF-16 code units picks the shard of a term.
(function () {
  'use strict';

  var PAGE = 20;
  var store = { meta: null, terms: {}, recent: {}, docs: {} };
  var loading = {};
  var form, input, status, results, more, base;
  var current = { hits: [], shown: 0, query: '' };

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

  function decode(list) {
    var documents = [];
    var value = 0;
    list.split('.').forEach(function (delta) {
      value += parseInt(delta, 36);
      documents.push(value);
    });
    return documents;
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
    return Object.prototype.hasOwnProperty.call(map, term) ? decode(map[term]) : [];
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
      var lists = terms.map(function (t, i) {
        var list = lookup(store.terms[base[i]], t);
        return recent.length ? list.concat(lookup(store.recent[recent[i]], t)) : list;
      });
      return intersect(lists).reverse();
    });
  }

  function showMore() {
    var per = store.meta.docsPerBlock;
    var slice = current.hits.slice(current.shown, current.shown + PAGE);
    var blocks = slice.map(function (d) { return Math.floor(d / per); })
      .filter(function (b, i, all) { return all.indexOf(b) === i; });
    var query = current.query;
    return Promise.all(blocks.map(function (b) {
      return load('d' + b + '.js', function () { return b in store.docs; });
    })).then(function () {
      if (query !== current.query) return;
      slice.forEach(function (d) {
        var doc = store.docs[Math.floor(d / per)][d % per];
        var item = document.createElement('li');
        var link = document.createElement('a');
        link.href = doc[1];
        link.textContent = doc[0];
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
        results.appendChild(item);
      });
      current.shown += slice.length;
      more.hidden = current.shown >= current.hits.length;
    });
  }

  function search(text) {
    var terms = window.NewsMirrorSearchText.queryTerms(text);
    current = { hits: [], shown: 0, query: text };
    results.textContent = '';
    more.hidden = true;
    if (!terms.length) {
      status.textContent = text.trim() ? '请输入中文字词或英文单词。' : '';
      return Promise.resolve();
    }
    status.textContent = '正在搜索…';
    return loadMeta().then(function () { return find(terms); }).then(function (hits) {
      if (text !== current.query) return;
      current.hits = hits;
      status.textContent = hits.length ? '找到 ' + hits.length + ' 篇文章' : '没有找到包含“' + text.trim() + '”的标题';
      return showMore();
    }).catch(function () {
      status.textContent = '无法载入搜索索引。';
    });
  }

  function remember(text) {
    try {
      var url = new URL(location.href);
      url.searchParams.set('q', text);
      history.replaceState(null, '', url.href);
    } catch (e) {
      // Some file:// setups refuse history changes; the search itself still works.
    }
  }

  function start() {
    form = document.getElementById('search-form');
    if (!form) return;
    input = document.getElementById('q');
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
    var initial = new URLSearchParams(location.search).get('q');
    if (initial) {
      input.value = initial;
      search(initial);
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
