// Matchningskollen: small progressive enhancements. Every page works without this file.
"use strict";

(function () {
  // "Välj leverantör": htmx loads the choice into the dialog; open it as a modal, so the
  // rest of the page is inert, Esc closes it and focus returns to the button.
  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target.id !== "choose-dialog-content") return;
    var dialog = document.getElementById("choose-dialog");
    var opener = event.detail.requestConfig && event.detail.requestConfig.elt;
    dialog.querySelectorAll("[data-dialog-only]").forEach(function (el) { el.hidden = false; });
    dialog.querySelectorAll("[data-page-only]").forEach(function (el) { el.hidden = true; });
    enhanceChoice(dialog);
    dialog.addEventListener("close", function () {
      if (opener && document.contains(opener)) opener.focus();
    }, { once: true });
    var heading = dialog.querySelector("#choose-heading");
    if (heading) dialog.setAttribute("aria-labelledby", heading.id);
    dialog.showModal();
    if (heading) heading.focus();
  });

  // A link that htmx could not load (say, an office that just closed): follow it instead.
  document.addEventListener("htmx:responseError", function (event) {
    var element = event.detail.elt;
    if (element && element.tagName === "A" && element.href) window.location.href = element.href;
  });

  function enhanceChoice(root) {
    root.querySelectorAll("[data-copy-ka]").forEach(function (box) {
      // The facts with the date, the page's address and the source, as the server wrote them.
      var button = box.querySelector("[data-copy-button]");
      var status = box.querySelector("[data-copy-status]");
      var fallback = box.querySelector("[data-copy-fallback]");
      var text = box.querySelector("[data-copy-text]");
      box.hidden = false;
      button.addEventListener("click", function () {
        var copied = navigator.clipboard && window.isSecureContext
          ? navigator.clipboard.writeText(text.value)
          : Promise.reject(new Error("no clipboard"));
        copied.then(function () {
          status.textContent = button.getAttribute("data-copied-text") || "";
        }, function () {
          fallback.hidden = false;
          text.focus();
          text.select();
          status.textContent = button.getAttribute("data-select-text") || "";
        });
      });
    });
    root.querySelectorAll("[data-print-button]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  // On a phone the results lie below the open filters: "Visa leverantörer" folds them and
  // takes you to the count. (The panel itself folds and opens without this file.)
  document.addEventListener("submit", function (event) {
    var panel = event.target.closest("[data-filters-panel]");
    if (!panel || !window.matchMedia("(max-width: 59.99rem)").matches) return;
    panel.open = false;
    var count = document.getElementById("result-count");
    if (!count) return;
    count.setAttribute("tabindex", "-1");
    count.focus();
  });

  // Filters change the address without a page load: the language links follow it.
  document.addEventListener("htmx:pushedIntoHistory", function () {
    document.querySelectorAll("[data-language-link]").forEach(function (link) {
      link.search = window.location.search;
    });
  });

  // A field with a character limit (data-counter-for): how many characters are left,
  // counted as the server counts (code points; a line break is one), and read out by
  // screen readers after a pause in typing, not after every key.
  function enhanceCounter(counter) {
    var field = document.getElementById(counter.getAttribute("data-counter-for"));
    var max = Number(field && field.getAttribute("data-max-length"));
    if (!max) return;
    var format = new Intl.NumberFormat(document.documentElement.lang || "sv");
    var timer;
    function update() {
      var left = max - Array.from(field.value).length;
      var text = counter.getAttribute(left >= 0 ? "data-text-left" : "data-text-over");
      counter.textContent = text.replace("%(count)s", format.format(Math.abs(left)));
      counter.classList.toggle("review-form__counter--over", left < 0);
    }
    field.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(update, 400);
    });
    update();
  }

  // The language menu closes with Esc (focus back on its button) and on a click elsewhere.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll("[data-language-menu][open]").forEach(function (menu) {
      menu.open = false;
      menu.querySelector("summary").focus();
    });
  });
  document.addEventListener("click", function (event) {
    document.querySelectorAll("[data-language-menu][open]").forEach(function (menu) {
      if (!menu.contains(event.target)) menu.open = false;
    });
  });

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".choice").forEach(function (choice) { enhanceChoice(choice); });
    document.querySelectorAll("[data-counter-for]").forEach(enhanceCounter);
    // Every form: a page that comes back with errors starts at the error summary, so a
    // screen reader hears what to correct, and its links lead to each field.
    var summary = document.querySelector("[data-error-summary]");
    if (summary) summary.focus();
  });
})();
