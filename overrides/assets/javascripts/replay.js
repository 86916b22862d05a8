// Replays a streamed output at the pace it was recorded. scripts/replay_hook.py wraps each such
// output block in <div class="replay" data-replay="[[ms since the example started, text], …]">;
// this adds a button to its title bar. Nothing starts by itself. With prefers-reduced-motion the
// button shows the whole output at once instead of animating it. Without JavaScript the block is
// the static output.
document$.subscribe(() => {
  const zh = document.documentElement.lang.startsWith("zh");
  const words = zh
    ? {
        play: (seconds) => `按录制节奏重放（${seconds} 秒）`,
        playTitle: "清空这段输出，再按录制时每一块到达的时间逐块显示",
        stillTitle: "已开启“减少动态效果”：不逐块重放，直接显示完整输出",
        stop: "停止，显示完整输出",
      }
    : {
        play: (seconds) => `Replay at recorded pace (${seconds} s)`,
        playTitle: "Clear this output, then show it again chunk by chunk, at the times they arrived",
        stillTitle: "Reduced motion is on: shows the whole output at once instead of replaying it",
        stop: "Stop and show the whole output",
      };
  const reducedMotion = matchMedia("(prefers-reduced-motion: reduce)");

  for (const block of document.querySelectorAll(".replay[data-replay]")) {
    const code = block.querySelector("pre > code");
    if (code) mount(block, code, JSON.parse(block.dataset.replay));
  }

  function mount(block, code, frames) {
    const pre = code.parentElement;
    const rendered = code.innerHTML;
    const seconds = (frames[frames.length - 1][0] / 1000).toFixed(1);
    const button = document.createElement("button");
    button.type = "button";
    button.className = "replay__button";
    (block.querySelector(".filename") ?? block).append(button);
    let timer = null;

    const label = (symbol, text, title) => {
      const icon = Object.assign(document.createElement("span"), { textContent: symbol });
      icon.setAttribute("aria-hidden", "true");
      button.replaceChildren(icon, ` ${text}`);
      button.title = title;
    };
    const idle = () =>
      label("▶", words.play(seconds), reducedMotion.matches ? words.stillTitle : words.playTitle);
    const finish = () => {
      clearTimeout(timer);
      timer = null;
      code.innerHTML = rendered;
      block.classList.remove("replay--playing");
      pre.removeAttribute("aria-busy");
      code.style.minHeight = "";
      idle();
    };
    const play = () => {
      code.style.minHeight = `${code.offsetHeight}px`; // the page below does not jump while it grows
      block.classList.add("replay--playing");
      pre.setAttribute("aria-busy", "true");
      const shown = document.createTextNode("");
      code.replaceChildren(shown);
      label("■", words.stop, words.stop);
      const start = performance.now();
      const step = (index) => {
        if (index === frames.length) return finish();
        timer = setTimeout(() => {
          shown.appendData(frames[index][1]);
          step(index + 1);
        }, frames[index][0] - (performance.now() - start));
      };
      step(0);
    };

    button.addEventListener("click", () => {
      if (timer !== null || reducedMotion.matches) finish();
      else play();
    });
    reducedMotion.addEventListener("change", () => timer === null && idle());
    idle();
  }
});
