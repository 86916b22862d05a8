// The language selector's links already point at this page in the other language (see
// overrides/partials/alternate.html). Keep the reader's section too (both languages share
// heading anchors), and keep Material's sitemap-based handler out of it: it cannot map
// /en/... back to /, and it falls back to the home page whenever site_url is not where the
// site is being served.
document.addEventListener(
  "click",
  (event) => {
    const link = event.target instanceof Element && event.target.closest("a[hreflang]");
    if (!link) return;
    event.stopPropagation();
    if (location.hash) link.hash = location.hash;
  },
  true,
);
