// Review form: focus on the error summary, and a character counter for the comment.
// The form works without this file.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector(".error-summary");
  if (summary) summary.focus();

  for (const counter of document.querySelectorAll("[data-counter-for]")) {
    const field = document.getElementById(counter.dataset.counterFor);
    const max = Number(field && field.dataset.maxLength);
    if (!max) continue;
    const format = new Intl.NumberFormat(document.documentElement.lang || "sv");
    let timer;
    const update = () => {
      // Count characters as the server does (code points; a line break is one).
      const left = max - [...field.value].length;
      const text = left >= 0 ? counter.dataset.textLeft : counter.dataset.textOver;
      counter.textContent = text.replace("%(count)s", format.format(Math.abs(left)));
      counter.classList.toggle("review-form__counter--over", left < 0);
    };
    // Screen readers hear the count after a pause in typing, not after every key.
    field.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(update, 400);
    });
    update();
  }
});
