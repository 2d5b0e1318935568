// Search loads its index (about 1 MB) and its worker (40 KB) when the reader first uses it, and
// each edition searches only its own pages. Material starts its search worker and requests
// search/search_index.json with XMLHttpRequest as soon as its bundle runs; this script, loaded
// just before the bundle (sitebuild/theme/main.html):
// * asks for this edition's index instead, search/search_index.<html lang>.json (written by the
//   kb-search plugin);
// * holds that request until the search box gets focus (a click or tap, the "/", "s" or "f" keys,
//   a ?q= link) or the pointer reaches the search box, and sends it at once on a page opened from
//   a search result (?h=, whose words Material highlights with the index's settings);
// * starts the search worker when Material first talks to it (with the index, once it is here).
(() => {
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  const held = [];
  let wanted = new URLSearchParams(location.search).has("h");
  const release = () => {
    if (wanted) return;
    wanted = true;
    for (const [request, args] of held.splice(0)) {
      if (request.readyState === XMLHttpRequest.OPENED) send.apply(request, args);
    }
  };
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    const target = new URL(url, location.href);
    this.kbSearchIndex = target.pathname.endsWith("/search/search_index.json");
    if (this.kbSearchIndex) {
      target.pathname = target.pathname.replace(/\.json$/, `.${document.documentElement.lang}.json`);
      url = target.href;
    }
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (this.kbSearchIndex && !wanted) held.push([this, args]);
    else send.apply(this, args);
  };
  const wants = (event) =>
    event.target instanceof Element && event.target.closest('.md-search, label[for="__search"]') && release();
  const RealWorker = window.Worker;
  class SearchWorker extends EventTarget {
    constructor(url, options) {
      super();
      this.start = () => {
        this.worker = new RealWorker(url, options);
        this.worker.addEventListener("message", (e) => this.dispatchEvent(new MessageEvent("message", { data: e.data })));
      };
    }
    postMessage(...args) {
      if (!this.worker) this.start();
      this.worker.postMessage(...args);
    }
    terminate() {
      this.worker?.terminate();
    }
  }
  window.Worker = function (url, options) {
    return /\/workers\/search\.[^/]*\.js$/.test(new URL(url, location.href).pathname)
      ? new SearchWorker(url, options)
      : new RealWorker(url, options);
  };
  document.addEventListener("focusin", wants, true);
  document.addEventListener("pointerover", wants, true);
})();
