// NewsMirror search text: the JavaScript twin of the search tokenizer (Catalog/SearchText.cs) and of the site's query
// terms (Publishing/Site/SiteSearchTerms.cs). Both are checked against the same test vectors; change them together.
// Code point by code point: full-width ASCII forms become ASCII; Han, radicals, kana and bopomofo are CJK (each
// character a token, each two adjacent ones a pair, traditional folded to simplified); letters, numbers and private-use
// characters make lower-cased words without diacritics; combining marks are dropped inside a word; anything else
// separates tokens and ends a CJK run.
(function () {
  'use strict';

  var MAX_WORD = 40;
  var wordCharacter = /^[\p{L}\p{N}\p{Co}]$/u;
  var combiningMark = /^\p{M}$/u;
  var letter = /^\p{L}$/u;
  var nonSpacingMarks = /^\p{Mn}+$/u;
  var simplified = {};

  function isCjk(c) {
    return (c >= 0x2e80 && c <= 0x2fdf) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3100 && c <= 0x312f) ||
      (c >= 0x31a0 && c <= 0x31ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x3134f);
  }

  function simplify(ch) {
    return Object.prototype.hasOwnProperty.call(simplified, ch) ? simplified[ch] : ch;
  }

  // Simple (one code point to one) lower case, as .NET's ToLowerInvariant: İ, whose full lower case is two code
  // points, keeps its own.
  function lower(ch) {
    var folded = ch.toLowerCase();
    return folded.length === ch.length && Array.from(folded).length === 1 ? folded : ch;
  }

  // A letter of the Basic Multilingual Plane that decomposes into one letter and non-spacing marks becomes that letter.
  function withoutDiacritics(ch) {
    if (ch.length !== 1 || ch.charCodeAt(0) < 0x80) return ch;
    var decomposed = ch.normalize('NFD');
    if (decomposed.length < 2 || !letter.test(decomposed[0]) || !nonSpacingMarks.test(decomposed.slice(1))) return ch;
    return decomposed[0];
  }

  function foldWord(ch) {
    return simplify(ch.length === 1 ? lower(withoutDiacritics(lower(ch))) : lower(ch));
  }

  // The runs of a text: each CJK run as its characters, each word alone.
  function runs(text) {
    var result = [];
    var run = null;
    var word = '';
    function endWord() {
      if (word) result.push({ cjk: false, tokens: [word] });
      word = '';
    }
    for (var ch of text) {
      var c = ch.codePointAt(0);
      if (c >= 0xff01 && c <= 0xff5e) {
        c -= 0xfee0;
        ch = String.fromCharCode(c);
      }
      if (isCjk(c)) {
        endWord();
        if (!run) result.push(run = { cjk: true, tokens: [] });
        run.tokens.push(simplify(ch));
        continue;
      }
      run = null;
      if (wordCharacter.test(ch)) word += foldWord(ch);
      else if (!combiningMark.test(ch)) endWord();
    }
    endWord();
    return result;
  }

  // The tokens and pairs the index holds for a text, in order (the two index forms of SearchText.Tokenize).
  function tokenize(text) {
    var tokens = [];
    var pairs = [];
    runs(text).forEach(function (run) {
      run.tokens.forEach(function (token, i) {
        tokens.push(token);
        if (run.cjk && i > 0) pairs.push(run.tokens[i - 1] + token);
      });
    });
    return { tokens: tokens, pairs: pairs };
  }

  // The terms a query must all match, without repeats: a lone CJK character stands for itself, a longer CJK run for
  // its pairs, each word (up to MAX_WORD characters, as the index holds them) for itself.
  function queryTerms(text) {
    var terms = [];
    runs(text).forEach(function (run) {
      var keys = run.cjk && run.tokens.length > 1
        ? run.tokens.slice(1).map(function (token, i) { return run.tokens[i] + token; })
        : run.cjk ? run.tokens : run.tokens.filter(function (word) { return word.length <= MAX_WORD; });
      keys.forEach(function (key) { if (terms.indexOf(key) < 0) terms.push(key); });
    });
    return terms;
  }

  // A text folded as the tokenizer folds it, code point by code point, for finding query terms in it: the folded
  // characters, where each came from in the text (UTF-16 offsets), and whether it is a word character (not CJK,
  // not a separator). Separators are kept as they are, so matches never run across them.
  function fold(text) {
    var chars = [], starts = [], ends = [], word = [];
    var offset = 0;
    for (var ch of text) {
      var c = ch.codePointAt(0);
      var folded = ch;
      if (c >= 0xff01 && c <= 0xff5e) {
        c -= 0xfee0;
        folded = String.fromCharCode(c);
      }
      var isWord = false;
      if (isCjk(c)) folded = simplify(folded);
      else if (wordCharacter.test(folded)) {
        folded = foldWord(folded);
        isWord = true;
      }
      chars.push(folded);
      starts.push(offset);
      ends.push(offset + ch.length);
      word.push(isWord);
      offset += ch.length;
    }
    return { chars: chars, starts: starts, ends: ends, word: word };
  }

  // Called by search-variants.js with the traditional characters and their simplified forms, code point by code point.
  function variants(traditional, simplifiedForms) {
    var from = Array.from(traditional);
    var to = Array.from(simplifiedForms);
    for (var i = 0; i < from.length; i++) simplified[from[i]] = to[i];
  }

  window.NewsMirrorSearchText = { tokenize: tokenize, queryTerms: queryTerms, fold: fold, variants: variants };
})();
