// Review panel: pointing at a proposal's card lights up its spans in the text, and pointing
// at a span lights up its card. Progressive enhancement only: the links work without it.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const review = document.getElementById("review");
  if (!review) return;
  const marks = (id) => review.querySelectorAll(`a.hl[data-target="${CSS.escape(id)}"]`);
  const toggle = (id, on) => {
    marks(id).forEach((a) => a.classList.toggle("is-hovered", on));
    const card = document.getElementById(id);
    if (card) card.classList.toggle("is-hovered", on);
  };
  review.querySelectorAll(".card[id]").forEach((card) => {
    card.addEventListener("mouseenter", () => toggle(card.id, true));
    card.addEventListener("mouseleave", () => toggle(card.id, false));
  });
  review.querySelectorAll("a.hl[data-target]").forEach((a) => {
    a.addEventListener("mouseenter", () => toggle(a.dataset.target, true));
    a.addEventListener("mouseleave", () => toggle(a.dataset.target, false));
  });
});
