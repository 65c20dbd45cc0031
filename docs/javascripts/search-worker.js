/* Search for the Practice Principles site.
 *
 * Material's search box and result list send queries here instead of to Material's own worker
 * (overrides/main.html points the theme's configuration at this file). The rules:
 *   - every word of the query must occur in a result (a word also matches the longer words it
 *     starts: "exploit" finds "exploitation"; plural endings are ignored);
 *   - "words in quotes" must occur together, as a phrase;
 *   - where the words occur together in the order typed, the result ranks first;
 *   - each page has a weight in the index (modules 1, the Bibliography least);
 *   - results are grouped by page (the module) and name the section.
 * The index is plain text (see search_index.py); everything returned is escaped here, because
 * Material's result list inserts it as markup.
 */
"use strict";

let documents = [];

const SMALL_WORDS = new Set([
  "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of", "on",
  "or", "that", "the", "this", "to", "was", "we", "what", "with",
]);
const WORD = /[\p{L}\p{N}]+/gu;
const SNIPPET = 240;
const MAX_WORDS = 12; // a longer query is cut here, so a pasted paragraph cannot stall the page
const MAX_LENGTH = 300; // characters

/* One character (a whole code point) folded: lower case, no accents or apostrophes, ß as ss. */
function foldChar(char) {
  return char.normalize("NFKD").replace(/[\u0300-\u036f'’‘`]/g, "").toLowerCase().replace(/ß/g, "ss");
}

/* Lower case, without accents or apostrophes, with a map back to the original offsets. */
function fold(text) {
  let folded = "";
  const origin = [];
  let i = 0;
  for (const char of text) {
    const plain = foldChar(char);
    for (let k = 0; k < plain.length; k++) {
      folded += plain[k];
      origin.push(i);
    }
    i += char.length;
  }
  origin.push(text.length);
  return { folded, origin };
}

/* The words of a text: [{word, start, end}] with offsets in the original text. */
function words(text) {
  const { folded, origin } = fold(text);
  const found = [];
  for (const match of folded.matchAll(WORD)) {
    let end = origin[match.index + match[0].length - 1] + 1;
    while (end < text.length && foldChar(text[end]) === "") end++; // a combining accent stays with its letter
    found.push({ word: match[0], stem: stem(match[0]), start: origin[match.index], end });
  }
  return found;
}

/* "carers" -> "carer", "approaches" -> "approach", "agencies" -> "agency", "boys" -> "boy". */
function stem(word) {
  if (word.length <= 3) return word;
  if (word.endsWith("ies") && word.length > 4) return word.slice(0, -3) + "y";
  if (word.endsWith("ches") || word.endsWith("shes") || word.endsWith("sses")) return word.slice(0, -2);
  if (word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/* How well a text's word ({word, stem}) matches a query word: 1 exactly, 0.5 as its beginning, 0 not at all. */
function fit(token, term) {
  if (token.word === term.word || token.stem === term.stem) return 1;
  return !term.exact && token.word.startsWith(term.stem) ? 0.5 : 0;
}

/* The query: its words, and the phrases that must occur ("in quotes") or that rank first. */
function parse(query) {
  const required = [];
  const terms = [];
  const parts = query.slice(0, MAX_LENGTH).replace(/[“”„«»]/g, '"').split('"');
  parts.forEach((part, index) => {
    const quoted = index % 2 === 1 && index < parts.length - 1;
    const found = words(part).map(({ word, stem }) => ({ word, stem, exact: quoted }));
    terms.push(...found);
    if (quoted && found.length > 1) required.push(found);
  });
  terms.splice(MAX_WORDS);
  required.forEach(phrase => phrase.splice(MAX_WORDS));
  return { terms, required: required.slice(0, MAX_WORDS), whole: terms.length > 1 ? terms : null };
}

/* Where a phrase starts in a list of words (the last word may be unfinished, as while typing). */
function phraseAt(tokens, phrase, open) {
  const found = [];
  for (let i = 0; i + phrase.length <= tokens.length; i++) {
    let ok = true;
    for (let k = 0; k < phrase.length && ok; k++) {
      const last = open && k === phrase.length - 1;
      const score = fit(tokens[i + k], phrase[k]);
      ok = last ? score > 0 : score === 1;
    }
    if (ok) found.push(i);
  }
  return found;
}

function escapeHTML(text) {
  return text.replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/* The text between ``from`` and ``to``, escaped, with the matching words marked. */
function marked(text, tokens, hits, from, to) {
  let out = "";
  let cursor = from;
  for (const i of hits) {
    const { start, end } = tokens[i];
    if (start < from || end > to || start < cursor) continue;
    out += escapeHTML(text.slice(cursor, start)) + "<mark>" + escapeHTML(text.slice(start, end)) + "</mark>";
    cursor = end;
  }
  return out + escapeHTML(text.slice(cursor, to));
}

function prepare(doc) {
  const title = String(doc.title || "");
  const text = String(doc.text || "");
  return {
    location: doc.location,
    title,
    text,
    titleWords: words(title),
    textWords: words(text),
    weight: typeof doc.boost === "number" ? doc.boost : 1,
    tier: typeof doc.tier === "number" ? doc.tier : 0,
  };
}

/* Score one document, or null when a word or a quoted phrase is missing. */
function score(doc, query) {
  let total = 0;
  const titleHits = new Set();
  const textHits = new Set();
  for (const term of query.terms) {
    let inTitle = 0;
    let inText = 0;
    doc.titleWords.forEach((t, i) => {
      const f = fit(t, term);
      if (f) { inTitle = Math.max(inTitle, f); titleHits.add(i); }
    });
    let count = 0;
    doc.textWords.forEach((t, i) => {
      const f = fit(t, term);
      if (f) { inText = Math.max(inText, f); count++; textHits.add(i); }
    });
    if (!inTitle && !inText) return null;
    const small = SMALL_WORDS.has(term.word) ? 0.1 : 1;
    total += small * (10 * inTitle + inText * (1 + Math.log(1 + count)));
  }
  let firstPhrase = -1;
  for (const phrase of query.required) {
    const inTitle = phraseAt(doc.titleWords, phrase, false);
    const inText = phraseAt(doc.textWords, phrase, false);
    if (!inTitle.length && !inText.length) return null;
    total += 100 * inTitle.length + 50 * Math.min(inText.length, 3);
    if (inText.length && firstPhrase < 0) firstPhrase = inText[0];
  }
  if (query.whole) {
    const inTitle = phraseAt(doc.titleWords, query.whole, true);
    const inText = phraseAt(doc.textWords, query.whole, true);
    total += 200 * Math.min(inTitle.length, 1) + 100 * Math.min(inText.length, 1) + 10 * Math.min(inText.length, 5);
    if (inText.length) firstPhrase = inText[0];
  }
  const sorted = [...textHits].sort((a, b) => a - b);
  const focus = firstPhrase >= 0 ? firstPhrase : sorted.length ? sorted[0] : -1;
  return { score: total * doc.weight, titleHits: [...titleHits].sort((a, b) => a - b), textHits: sorted, focus };
}

/* A short passage of the text around the first match, with the matches marked. */
function snippet(doc, found) {
  if (!doc.text) return "";
  let from = 0;
  if (found.focus >= 0) {
    const start = doc.textWords[found.focus].start;
    from = Math.max(0, start - SNIPPET / 4);
    const space = doc.text.lastIndexOf(" ", from);
    from = from > 0 && space > start - SNIPPET / 2 ? space + 1 : from;
  }
  let to = Math.min(doc.text.length, from + SNIPPET);
  const space = doc.text.indexOf(" ", to);
  to = to < doc.text.length && space > 0 && space < to + 30 ? space : to;
  const body = marked(doc.text, doc.textWords, found.textHits, from, to);
  return `<p>${from > 0 ? "… " : ""}${body}${to < doc.text.length ? " …" : ""}</p>`;
}

function page(location) {
  return location.split("#")[0];
}

function search(value) {
  const query = parse(value);
  if (!query.terms.length) return { items: [] };
  // The words the page opened from a result marks (Material's ?h=): not "a" or "the" in every line.
  const highlighted = query.terms.filter(t => !SMALL_WORDS.has(t.word) && t.word.length > 2);
  const terms = Object.fromEntries((highlighted.length ? highlighted : query.terms).map(t => [t.word, true]));
  const results = [];
  for (const doc of documents) {
    const found = score(doc, query);
    if (found === null) continue;
    results.push({
      location: doc.location,
      title: marked(doc.title, doc.titleWords, found.titleHits, 0, doc.title.length),
      text: snippet(doc, found),
      score: found.score,
      tier: doc.tier,
      terms,
    });
  }
  // A later tier (the Bibliography) comes after every page of an earlier one that matches.
  results.sort((a, b) => a.tier - b.tier || b.score - a.score);
  const groups = new Map();
  for (const result of results) {
    const key = page(result.location);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(result);
  }
  for (const [key, items] of groups)
    if (!items.some(item => item.location === key)) {
      const article = documents.find(doc => doc.location === key);
      if (article) items.push({ location: key, title: escapeHTML(article.title), text: "", score: 0, terms });
    }
  return { items: [...groups.values()] };
}

/* The documents: in the offline copy they come with Material's set-up message (its index inlined
 * for file://); on the site that message has none, and they are fetched on the first search, so
 * opening a page does not load them. */
const DATA = "../search/search-data.json"; // from this file's folder (see search_index.py)
let loading = null;

function load() {
  if (!loading)
    loading = fetch(new URL(DATA, self.location.href))
      .then(response => {
        if (!response.ok) throw new Error(`search data: ${response.status}`);
        return response.json();
      })
      .then(index => { documents = index.docs.map(prepare); })
      .catch(error => {
        loading = null; // the next search tries again
        throw error;
      });
  return loading;
}

/* Material's worker messages: 0 set up, 1 ready, 2 query, 3 result. */
addEventListener("message", event => {
  const message = event.data;
  if (message.type === 0) {
    const docs = (message.data && message.data.docs) || [];
    if (docs.length) {
      documents = docs.map(prepare);
      loading = Promise.resolve();
    }
    postMessage({ type: 1 });
  } else if (message.type === 2) {
    const query = String(message.data || "");
    // Material asks with the empty box as the page opens: that needs no documents, so none are fetched yet.
    if (!parse(query).terms.length) {
      postMessage({ type: 3, data: { items: [] } });
      return;
    }
    load().then(
      () => postMessage({ type: 3, data: search(query) }),
      () => postMessage({ type: 3, data: { items: [] } }),
    );
  }
});
