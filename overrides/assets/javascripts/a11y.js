// Accessible names and keyboard access that the theme's markup leaves out, each found by
// axe-core (tests/test_browser.py). Runs after Material has mounted its components.
document$.subscribe(() => {
  const search = document.querySelector(".md-search[role=dialog]");
  const searchInput = document.querySelector(".md-search__input");
  if (search && searchInput) search.setAttribute("aria-label", searchInput.getAttribute("aria-label"));

  // Code annotation markers show their number only through CSS, which is no accessible name.
  const label = document.documentElement.lang.startsWith("zh") ? "注释" : "Annotation";
  for (const marker of document.querySelectorAll("a.md-annotation__index")) {
    const number = marker.querySelector("[data-md-annotation-id]")?.dataset.mdAnnotationId;
    if (number) marker.setAttribute("aria-label", `${label} ${number}`);
  }

  // Each code block's toolbar is a <nav>; landmarks of one kind need names that tell them apart.
  const tools = document.documentElement.lang.startsWith("zh") ? "代码工具" : "Code tools";
  document.querySelectorAll(".md-code__nav").forEach((nav, index) => {
    nav.setAttribute("aria-label", `${tools} ${index + 1}`);
  });

  // A wide table scrolls inside its wrapper; keyboard users need to be able to focus it.
  const markScrollable = () => {
    for (const wrap of document.querySelectorAll(".md-typeset__scrollwrap")) {
      if (wrap.scrollWidth > wrap.clientWidth) wrap.setAttribute("tabindex", "0");
      else wrap.removeAttribute("tabindex");
    }
  };
  markScrollable();
  addEventListener("resize", markScrollable);
});
