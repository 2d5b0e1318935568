// Keep the reader's place when switching language: the language menu's links get the
// current #anchor (explicit heading ids are the same in both editions).
document.addEventListener(
  "click",
  (event) => {
    const link = event.target instanceof Element && event.target.closest("a.md-select__link[hreflang]");
    if (link && location.hash && !new URL(link.href).hash) {
      link.href = new URL(location.hash, link.href).href;
    }
  },
  true,
);
