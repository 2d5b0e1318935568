// Exercises on the page: the reader types an answer, sees how it was read, and gets the verdict of
// the project's own grader, run in a Web Worker (grader-worker.mjs). This file only renders and
// passes messages; every word it shows comes from the page (the build writes them from the grader's
// message tables and the site's zh/en labels). Nothing is loaded until a reader starts an exercise.
const script = document.currentScript || document.querySelector("script[data-kb-exercises]");
const base = new URL(".", script ? script.src : location.href);
const ui = JSON.parse(document.getElementById("kb-exercises-ui").textContent);
const lang = ui.lang;
const deadlineMs = Number(localStorage.getItem("kb-ex:deadline_ms")) || ui.deadline_ms;  // tests shorten it
const store = {
  get(key, fallback) { try { const v = localStorage.getItem("kb-ex:" + key); return v === null ? fallback : JSON.parse(v); } catch { return fallback; } },
  set(key, value) { try { localStorage.setItem("kb-ex:" + key, JSON.stringify(value)); } catch { /* private mode: progress is not kept */ } },
};

// ---- the worker: started on first use, replaced when it dies or misses a deadline ----------------
let worker = null;
let ready = null;
let nextId = 1;
const pending = new Map();
const listeners = new Set();

function startWorker() {
  worker = new Worker(new URL("grader-worker.mjs", base), { type: "module" });
  let resolveReady, rejectReady;
  ready = new Promise((res, rej) => { resolveReady = res; rejectReady = rej; });
  worker.onmessage = (event) => {
    const m = event.data;
    if (m.type === "progress" || m.type === "waiting") listeners.forEach((f) => f(m));
    else if (m.type === "ready") { listeners.forEach((f) => f(m)); if (m.stage === "graders") resolveReady(); }
    else if (m.type === "failed") { listeners.forEach((f) => f(m)); rejectReady(new Error(m.message)); }
    else if (m.type === "response" && pending.has(m.rid)) { pending.get(m.rid).resolve(m); pending.delete(m.rid); }
  };
  worker.onerror = () => restart("crashed");
}

function restart(why) {
  if (worker) worker.terminate();
  for (const p of pending.values()) p.resolve({ [why]: true });
  pending.clear();
  worker = null;
  ready = null;
}

async function ask(request, deadlineMs) {
  if (!worker) startWorker();
  try { await ready; } catch (error) { return { failed: true, message: String(error.message || error) }; }
  const id = nextId++;
  return new Promise((resolve) => {
    const timer = setTimeout(() => { if (pending.has(id)) { pending.delete(id); resolve({ timeout: true }); restart("timeout"); } }, deadlineMs);
    pending.set(id, { resolve: (m) => { clearTimeout(timer); resolve(m); } });
    worker.postMessage({ ...request, rid: id });
  });
}

// ---- rendering ---------------------------------------------------------------------------------
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v; else if (k === "text") e.textContent = v; else e.setAttribute(k, v);
  }
  for (const c of children) if (c) e.append(c);
  return e;
}

function typeset(node) {
  if (window.MathJax && MathJax.typesetPromise) MathJax.typesetPromise([node]).catch(() => {});
}

function math(latex) { return el("span", { class: "arithmatex", text: `\\(${latex}\\)` }); }

function text(t) { return (t && (t[lang] || t.en)) || ""; }

function showLoading(box, m) {
  const bar = box.querySelector(".kb-ex-loading");
  if (!bar) return;
  if (m.type === "progress") {
    bar.hidden = false;
    const meter = bar.querySelector("progress");
    meter.max = m.total || 1; meter.value = m.done;
    bar.querySelector(".kb-ex-loading-stage").textContent = ui.stages[m.stage] || m.stage;
  } else if (m.type === "ready" && m.stage === "graders") bar.hidden = true;
  else if (m.type === "failed") { bar.hidden = false; bar.querySelector(".kb-ex-loading-stage").textContent = ui.labels.failed; }
  else if (m.type === "waiting") { bar.hidden = false; bar.querySelector(".kb-ex-loading-stage").textContent = ui.stages.sympy; }
  else if (m.type === "ready" && m.stage === "sympy") bar.hidden = true;
}

function renderPreview(out, p) {
  out.replaceChildren();
  if (!p || p.failed) return;
  if (!p.valid) {
    out.append(el("pre", { class: "kb-ex-caret", text: p.caret }), el("p", { class: "kb-ex-invalid", text: text(p.feedback) }));
    return;
  }
  const parts = [el("span", { class: "kb-ex-label", text: ui.labels["read-as"] + ": " }), math(p.latex)];
  if (p.variables && p.variables.length) parts.push(el("span", { class: "kb-ex-vars", text: ` · ${ui.labels.variables}: ${p.variables.join(", ")}` }));
  if (p.shape) parts.push(el("span", { class: "kb-ex-shape", text: ` · ${ui.labels.shape}: ${p.shape}` }));
  out.append(el("p", {}, ...parts));
  if (text(p.feedback)) out.append(el("p", { class: "kb-ex-note", text: text(p.feedback) }));
  typeset(out);
}

function renderResult(out, r, box) {
  out.replaceChildren();
  if (r.timeout) { out.append(el("p", { class: "kb-ex-verdict kb-ex-timeout", text: ui.labels.timeout })); return; }
  if (r.crashed) { out.append(el("p", { class: "kb-ex-verdict kb-ex-error", text: ui.labels.crashed })); return; }
  if (r.failed) { out.append(el("p", { class: "kb-ex-verdict kb-ex-error", text: ui.labels.failed })); return; }
  const res = r.response;
  if (res.error) { out.append(el("p", { class: "kb-ex-verdict kb-ex-error", text: text(res.message) })); return; }
  out.append(el("p", { class: `kb-ex-verdict kb-ex-${res.verdict}`, text: ui.verdicts[res.verdict] || res.verdict }));
  if (res.caret) out.append(el("pre", { class: "kb-ex-caret", text: res.caret }));
  if (text(res.feedback)) out.append(el("p", { class: "kb-ex-feedback", text: text(res.feedback) }));
  if (res.steps && res.steps.length) {
    const list = el("ol", { class: "kb-ex-steps" });
    for (const s of res.steps) {
      const mark = { correct: "✓", incorrect: "✗", invalid: "!" }[s.verdict] || "?";
      list.append(el("li", { class: `kb-ex-step kb-ex-${s.verdict}`, value: String(s.line) },
        el("span", { class: "kb-ex-mark", text: mark + " " }), el("code", { text: s.text }),
        s.note ? el("span", { class: "kb-ex-note", text: "  " + s.note }) : null));
    }
    out.append(list);
  }
  out.append(el("p", { class: "kb-ex-command" }, el("span", { text: ui.labels.command + " " }), el("code", { text: res.command })));
  if (res.verdict === "correct") {
    store.set(`${box.dataset.id}:solved`, true);
    box.classList.add("kb-ex-is-solved");
  }
  box.dataset.attempted = "1";
}

// ---- one exercise --------------------------------------------------------------------------------
function setup(box) {
  const id = box.dataset.id;
  const variants = Number(box.dataset.variants || 1);
  let variant = store.get(`${id}:variant`, null);
  if (variant === null || variant >= variants) {
    variant = Math.floor(Math.random() * variants);
    store.set(`${id}:variant`, variant);
  }
  const input = box.querySelector(".kb-ex-input");
  const preview = box.querySelector(".kb-ex-preview");
  const result = box.querySelector(".kb-ex-result");
  const hintButton = box.querySelector(".kb-ex-hint");
  let shownHints = 0;

  function showVariant() {
    box.querySelectorAll("[data-variant]").forEach((v) => { v.hidden = Number(v.dataset.variant) !== variant; });
    shownHints = 0;
    box.querySelectorAll(".kb-ex-hints li").forEach((li) => { li.hidden = true; });
    hintButton.hidden = !box.querySelector(`[data-variant="${variant}"] .kb-ex-hints li`);
    box.querySelectorAll(".kb-ex-solution").forEach((s) => { s.hidden = true; });
    result.replaceChildren();
    preview.replaceChildren();
  }
  if (store.get(`${id}:solved`, false)) box.classList.add("kb-ex-is-solved");
  showVariant();

  listeners.add((m) => showLoading(box, m));
  let previewTimer = null;
  let previewSeq = 0;
  input.addEventListener("focus", () => { if (!worker) startWorker(); }, { once: false });
  input.addEventListener("input", () => {
    clearTimeout(previewTimer);
    const answer = input.value;
    if (!answer.trim()) { preview.replaceChildren(); return; }
    previewTimer = setTimeout(async () => {
      const seq = ++previewSeq;
      const r = await ask({ op: "preview", id, answer }, deadlineMs);
      if (seq === previewSeq && input.value === answer) renderPreview(preview, r.response);
    }, 200);
  });
  async function check() {
    const answer = input.value;
    if (!answer.trim()) return;
    clearTimeout(previewTimer);
    const seq = ++previewSeq;
    ask({ op: "preview", id, answer }, deadlineMs).then((r) => { if (seq === previewSeq) renderPreview(preview, r.response); });
    result.replaceChildren(el("p", { class: "kb-ex-checking", text: ui.labels.checking }));
    renderResult(result, await ask({ op: "check", id, answer, seed: variant }, deadlineMs), box);
    typeset(result);
  }
  box.querySelector(".kb-ex-check").addEventListener("click", check);
  input.addEventListener("keydown", (event) => {
    const multi = input.tagName === "TEXTAREA";
    if (event.key === "Enter" && (!multi || event.ctrlKey || event.metaKey)) { event.preventDefault(); check(); }
  });
  hintButton.addEventListener("click", () => {
    const hints = box.querySelectorAll(`[data-variant="${variant}"] .kb-ex-hints li`);
    if (shownHints < hints.length) hints[shownHints++].hidden = false;
    box.querySelector(`[data-variant="${variant}"] .kb-ex-hints`).hidden = false;
    hintButton.hidden = shownHints >= hints.length;
  });
  box.querySelector(".kb-ex-show-solution").addEventListener("click", () => {
    const s = box.querySelector(`[data-variant="${variant}"] .kb-ex-solution`);
    s.hidden = false;
    typeset(s);
  });
  const another = box.querySelector(".kb-ex-new-variant");
  if (another) another.addEventListener("click", () => {
    variant = (variant + 1) % variants;
    store.set(`${id}:variant`, variant);
    showVariant();
  });
}

document.querySelectorAll(".kb-exercise").forEach(setup);
document.querySelectorAll(".kb-ex-overview [data-solved-id]").forEach((li) => {
  if (store.get(`${li.dataset.solvedId}:solved`, false)) li.classList.add("kb-ex-is-solved");
});
