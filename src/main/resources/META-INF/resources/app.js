// Footnote's chat page. Essay text and answers are always inserted as text (textContent), never as HTML.
"use strict";

const $ = (id) => document.getElementById(id);
const state = { conversationId: null, essays: [] };

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

async function problemDetail(response) {
  if (response.status === 401) return "enter this Footnote's API key above";
  try {
    const problem = await response.json();
    return problem.detail || problem.title || `HTTP ${response.status}`;
  } catch (e) {
    return `HTTP ${response.status}`;
  }
}

// A problem's detail as a sentence of its own: capitalised, with a full stop.
function sentence(detail) {
  return detail.charAt(0).toUpperCase() + detail.slice(1) + ".";
}

// ---- API keys: when this Footnote asks for one, the page asks the reader once and keeps it ----------
const KEY_STORAGE = "footnote.apiKey";

async function api(path, init = {}) {
  const key = localStorage.getItem(KEY_STORAGE);
  const headers = new Headers(init.headers || {});
  if (key) headers.set("Authorization", `Bearer ${key}`);
  const response = await fetch(path, { ...init, headers });
  if (response.status === 401) askForKey(Boolean(key));
  return response;
}

function askForKey(rejected) {
  $("key-message").textContent = rejected ? "That API key was not accepted; enter another:"
    : "This Footnote asks for an API key:";
  $("key-form").hidden = false;
  $("api-key").focus();
}

// A 503 with Retry-After: the first index is being built; its detail says how far it has got.
function retryAfterSeconds(response) {
  const seconds = Number(response.headers.get("Retry-After"));
  return response.status === 503 && seconds > 0 ? seconds : 0;
}

// ---- Essays panel -------------------------------------------------------------------------------
async function loadEssays() {
  try {
    const response = await api("api/essays");
    const retry = retryAfterSeconds(response);
    if (retry) {
      $("essay-list").replaceChildren(el("li", "indexing", sentence(await problemDetail(response))));
      setTimeout(loadEssays, retry * 1000);
      return;
    }
    if (!response.ok) throw new Error(await problemDetail(response));
    state.essays = await response.json();
  } catch (e) {
    state.essays = [];
    $("essay-list").replaceChildren(el("li", "error", `Essays unavailable: ${e.message}`));
    return;
  }
  renderEssayList();
}

function renderEssayList() {
  const filter = $("essay-filter").value.trim().toLowerCase();
  const items = state.essays
    .filter((e) => !filter || `${e.title} ${e.author || ""}`.toLowerCase().includes(filter))
    .map((essay) => {
      const button = el("button", null, essay.title);
      button.type = "button";
      button.append(el("span", "author", essay.author || "author unknown"));
      button.addEventListener("click", () => openEssay(essay.id));
      const item = el("li");
      item.append(button);
      return item;
    });
  $("essay-list").replaceChildren(...items);
}

// ---- Start screen: what Footnote holds, and questions to try --------------------------------------
async function loadOverview() {
  try {
    const response = await api("api/overview");
    const retry = retryAfterSeconds(response);
    if (retry) {
      $("intro-summary").textContent = sentence(await problemDetail(response));
      setTimeout(loadOverview, retry * 1000);
      return;
    }
    if (!response.ok) return; // the general description stands
    renderOverview(await response.json());
  } catch (e) {
    // the general description stands
  }
}

function renderOverview(overview) {
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const summary = $("intro-summary");
  summary.replaceChildren(`Footnote answers questions about ${plural(overview.essays, "essay")} by `
    + `${plural(overview.authors, "author")}, and quotes the passage behind every claim: point at a `,
    el("span", "cite-sample", "[1]"), " to read the quote, click it to see it in its essay.");
  const examples = overview.examples.map((example) => {
    const button = el("button", null, example.question);
    button.type = "button";
    button.title = `From “${example.essayTitle}”`;
    button.addEventListener("click", () => ask(example.question));
    const item = el("li");
    item.append(button);
    return item;
  });
  $("intro-examples").replaceChildren(...examples);
  $("intro-examples-label").hidden = examples.length === 0;
}

function showIntro(shown) {
  $("intro").hidden = !shown;
}

// ---- Essay view and deep links ------------------------------------------------------------------
// A link to a quote carries the quote itself, so that it finds the quote again once the essay has changed.
function openEssay(id, start, end, quote) {
  const parts = [`essay=${encodeURIComponent(id)}`];
  if (start !== undefined) parts.push(`start=${start}`, `end=${end}`);
  if (quote) parts.push(`quote=${encodeURIComponent(quote)}`);
  location.hash = parts.join("&");
}

// Drops the essay from the address (no bare "#" left behind) and hides its panel.
function closeEssay() {
  if (location.hash) history.pushState(null, "", location.pathname + location.search);
  showEssayFromHash();
}

async function showEssayFromHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  const id = params.get("essay");
  if (!id) {
    $("essay-view").hidden = true;
    document.querySelector(".layout").classList.remove("with-essay");
    return;
  }
  const response = await api(`api/essays/${encodeURIComponent(id)}`);
  // show the panel first: a highlight can only be scrolled to once the panel has its place on screen
  $("essay-view").hidden = false;
  document.querySelector(".layout").classList.add("with-essay");
  if (!response.ok) {
    $("essay-title").textContent = "Essay unavailable";
    $("essay-meta").textContent = await problemDetail(response);
    $("essay-text").replaceChildren();
  } else {
    renderEssay(await response.json(), Number(params.get("start")), Number(params.get("end")), params.get("quote"));
  }
}

// Where a linked quote stands now, by the rules of verify: where it was (exact), else its occurrence nearest to
// where it was (moved), else nowhere (changed). Without a quote the offsets are taken as they are.
function anchor(text, from, to, quote) {
  if (!quote) return { from, to, status: "exact" };
  if (text.substring(from, to) === quote) return { from, to, status: "exact" };
  let best = -1;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    if (best < 0 || Math.abs(at - from) < Math.abs(best - from)) best = at;
  }
  return best >= 0 ? { from: best, to: best + quote.length, status: "moved" } : { status: "changed" };
}

/** A link to where an essay is published, for http(s) addresses only; null otherwise. */
function originalLink(url) {
  if (!url || !/^https?:\/\//i.test(url)) {
    return null;
  }
  const link = el("a", null, "original");
  link.href = url;
  link.rel = "noopener noreferrer";
  link.target = "_blank";
  return link;
}

function renderEssay(essay, start, end, quote) {
  $("essay-title").textContent = essay.title + (essay.titleDerived ? " (untitled; first words)" : "");
  $("essay-meta").textContent = [essay.author || "author unknown", essay.date, essay.sources.join(", ")]
    .filter(Boolean).join(" · ");
  const original = originalLink(essay.url);
  if (original) {
    $("essay-meta").append(" · ", original);
  }
  const text = essay.text;
  const found = anchor(text, start - essay.textStart, end - essay.textStart, quote);
  const from = found.from;
  const to = found.to;
  const note = $("essay-note");
  note.hidden = found.status === "exact";
  note.textContent = found.status === "moved" ? "The essay has changed since this link was made; the quote "
    + "is highlighted where it stands now." : "The essay has changed since this link was made; the quote is no "
    + "longer in it.";
  const container = $("essay-text");
  if (Number.isInteger(from) && Number.isInteger(to) && from >= 0 && to <= text.length && from < to) {
    const mark = el("mark", null, text.substring(from, to));
    mark.id = "highlight";
    container.replaceChildren(document.createTextNode(text.substring(0, from)), mark,
      document.createTextNode(text.substring(to)));
    requestAnimationFrame(() => scrollToMiddle(container, mark));
  } else {
    container.replaceChildren(document.createTextNode(text));
    container.scrollTop = 0;
  }
}

// Scrolls the essay's text alone to bring the quote to its middle: scrollIntoView would move every box around it
// that can scroll, the page included.
function scrollToMiddle(container, mark) {
  const box = container.getBoundingClientRect();
  const quote = mark.getBoundingClientRect();
  container.scrollTop += quote.top - box.top - (container.clientHeight - quote.height) / 2;
}

// ---- Citations and their tooltip ----------------------------------------------------------------
function citationButton(citation) {
  const button = el("button", "cite", `[${citation.n}]`);
  button.type = "button";
  button.setAttribute("aria-label", `Citation ${citation.n}: ${citation.essay.title}`);
  const show = () => showTooltip(button, citation);
  button.addEventListener("mouseenter", show);
  button.addEventListener("focus", show);
  button.addEventListener("mouseleave", hideTooltip);
  button.addEventListener("blur", hideTooltip);
  button.addEventListener("click", () => {
    hideTooltip(); // the essay opens beside the answer: the quote is highlighted there
    const offset = Math.max(0, citation.text.indexOf(citation.quote));
    // offsets into the text the essay view shows: the file's reading text for Markdown, HTML and feeds
    const start = (citation.textStart ?? citation.start) + offset;
    openEssay(citation.essay.id, start, start + citation.quote.length, citation.quote);
  });
  return button;
}

function showTooltip(anchor, citation) {
  const tooltip = $("tooltip");
  tooltip.replaceChildren(el("span", "quote", `“${citation.quote}”`),
    el("span", "source", `${citation.essay.title} — ${citation.essay.author || "author unknown"}`));
  tooltip.hidden = false;
  const box = anchor.getBoundingClientRect();
  tooltip.style.left = `${Math.max(8, Math.min(box.left, window.innerWidth - tooltip.offsetWidth - 8))}px`;
  tooltip.style.top = `${box.bottom + 6}px`;
}

function hideTooltip() {
  $("tooltip").hidden = true;
}

function renderAnswer(target, answer) {
  const byNumber = new Map(answer.citations.map((c) => [c.n, c]));
  const nodes = [];
  let last = 0;
  for (const match of answer.answer.matchAll(/\[(\d+)]/g)) {
    nodes.push(document.createTextNode(answer.answer.slice(last, match.index)));
    const citation = byNumber.get(Number(match[1]));
    nodes.push(citation ? citationButton(citation) : document.createTextNode(match[0]));
    last = match.index + match[0].length;
  }
  nodes.push(document.createTextNode(answer.answer.slice(last)));
  target.replaceChildren(...nodes);
}

// ---- Asking -------------------------------------------------------------------------------------
function addMessage(kind, text) {
  const item = el("li", `message ${kind}`);
  const status = el("div", "status");
  const body = el("div", "answer", text);
  item.append(status, body);
  $("messages").append(item);
  return { item, status, body };
}

// A new question goes to the top of the conversation, or as near as what follows it allows, and is kept there as
// its answer comes in, so that the reader sees the question and the start of its answer. A reader who scrolls
// meanwhile is left where they scrolled to.
const follow = { item: null, scrollTop: null };

function followQuestion(item) {
  follow.item = item;
  follow.scrollTop = null;
  keepQuestionInView();
}

// Called on every change to the messages (a MutationObserver): each token, the final answer, nearest essays.
function keepQuestionInView() {
  const list = $("messages");
  if (!follow.item || !follow.item.isConnected) return;
  if (follow.scrollTop !== null && Math.abs(list.scrollTop - follow.scrollTop) > 1) {
    follow.item = null; // the reader has scrolled since the last change
    return;
  }
  const offset = follow.item.getBoundingClientRect().top - list.getBoundingClientRect().top
    - parseFloat(getComputedStyle(list).paddingTop);
  list.scrollTop = Math.min(list.scrollTop + offset, list.scrollHeight - list.clientHeight);
  follow.scrollTop = list.scrollTop;
}

async function ask(question) {
  showIntro(false);
  const asked = addMessage("user", question);
  const message = addMessage("assistant thinking");
  message.status.textContent = "Thinking";
  followQuestion(asked.item);
  $("send").disabled = true;
  try {
    const response = await api("api/chat/stream", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
      body: JSON.stringify({ question, conversationId: state.conversationId }),
    });
    if (retryAfterSeconds(response)) {
      showIndexing(message, await problemDetail(response));
      return;
    }
    if (!response.ok) throw new Error(await problemDetail(response));
    await readEvents(response, (name, data) => onEvent(message, question, name, data));
  } catch (e) {
    showError(message, e.message);
  } finally {
    $("send").disabled = false;
  }
}

function onEvent(message, question, name, data) {
  if (name === "token") {
    if (message.item.classList.contains("thinking")) {
      message.item.classList.replace("thinking", "streaming");
      message.status.textContent = "Answering";
      message.body.textContent = "";
    }
    message.body.textContent += data;
  } else if (name === "done") {
    const answer = JSON.parse(data);
    state.conversationId = answer.conversationId;
    message.item.classList.remove("thinking", "streaming");
    message.item.classList.add(answer.grounded ? "done" : "not-found");
    message.status.textContent = !answer.grounded ? "Not answered from the essays"
      : answer.provider === "extractive" ? "Offline answerer" : `Answered by ${answer.provider}`;
    if (answer.grounded) {
      renderAnswer(message.body, answer);
    } else {
      message.body.textContent = answer.answer;
      showNearest(message, question);
    }
  } else if (name === "error") {
    showError(message, JSON.parse(data).detail);
  }
}

async function showNearest(message, question) {
  try {
    const response = await api(`api/passages?k=3&q=${encodeURIComponent(question)}`);
    if (!response.ok) return;
    const titles = new Map();
    // only essays with a passage that clears the relevance threshold: an off-topic question gets none
    (await response.json()).passages.filter((p) => p.relevant)
      .forEach((p) => titles.set(p.essay.id, p.essay.title));
    if (titles.size === 0) return;
    const nearest = el("div", "nearest", "Nearest essays: ");
    for (const [id, title] of titles) {
      const button = el("button", null, title);
      button.type = "button";
      button.addEventListener("click", () => openEssay(id));
      nearest.append(button);
    }
    message.item.append(nearest);
  } catch (e) {
    // the not-found answer stands on its own
  } finally {
    message.item.dataset.nearest = "settled";
  }
}

function showIndexing(message, detail) {
  message.item.classList.remove("thinking", "streaming");
  message.item.classList.add("indexing");
  message.status.textContent = "Still indexing";
  message.body.textContent = sentence(detail);
}

function showError(message, detail) {
  message.item.classList.remove("thinking", "streaming");
  message.item.classList.add("error");
  message.status.textContent = "Something went wrong";
  message.body.textContent = detail || "The server did not answer.";
}

async function readEvents(response, handle) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += decoder.decode(value, { stream: true });
    let cut;
    while ((cut = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      let name = "message";
      const data = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) name = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(line.startsWith("data: ") ? 6 : 5));
      }
      handle(name, data.join("\n"));
    }
    if (done) return;
  }
}

// ---- Wiring -------------------------------------------------------------------------------------
document.addEventListener("DOMContentLoaded", () => {
  $("ask-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const question = $("question").value.trim();
    if (!question) return;
    $("question").value = "";
    ask(question);
  });
  $("question").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      $("ask-form").requestSubmit();
    }
  });
  $("new-chat").addEventListener("click", () => {
    state.conversationId = null;
    $("messages").replaceChildren();
    hideTooltip();
    closeEssay();
    showIntro(true);
    $("question").focus();
  });
  $("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    localStorage.setItem(KEY_STORAGE, $("api-key").value.trim());
    location.reload();
  });
  $("essay-filter").addEventListener("input", renderEssayList);
  new MutationObserver(keepQuestionInView)
    .observe($("messages"), { childList: true, subtree: true, characterData: true });
  $("close-essay").addEventListener("click", closeEssay);
  window.addEventListener("hashchange", showEssayFromHash);
  loadEssays();
  loadOverview();
  showEssayFromHash();
});
