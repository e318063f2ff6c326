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
      var choice = box.closest("[data-ka-number]");
      var button = box.querySelector("[data-copy-button]");
      var status = box.querySelector("[data-copy-status]");
      var fallback = box.querySelector("[data-copy-fallback]");
      box.hidden = false;
      button.addEventListener("click", function () {
        var kaNumber = choice.getAttribute("data-ka-number");
        var copied = navigator.clipboard && window.isSecureContext
          ? navigator.clipboard.writeText(kaNumber)
          : Promise.reject(new Error("no clipboard"));
        copied.then(function () {
          status.textContent = button.getAttribute("data-copied-text") || "";
        }, function () {
          fallback.hidden = false;
          var input = fallback.querySelector("input");
          input.focus();
          input.select();
          status.textContent = button.getAttribute("data-select-text") || "";
        });
      });
    });
    root.querySelectorAll("[data-print-button]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  // The search filters: behind a "Filtrera" button on narrow screens, always open on wide ones.
  function enhanceFilters(toggle) {
    var panel = document.getElementById(toggle.getAttribute("aria-controls"));
    var narrow = window.matchMedia("(max-width: 59.99rem)");
    function setOpen(open) {
      toggle.setAttribute("aria-expanded", String(open));
      panel.hidden = !open;
    }
    function layout() {
      toggle.hidden = !narrow.matches;
      setOpen(!narrow.matches);
    }
    toggle.addEventListener("click", function () {
      setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });
    narrow.addEventListener("change", layout);
    layout();
  }

  // Filters change the address without a page load: the language links follow it.
  document.addEventListener("htmx:pushedIntoHistory", function () {
    document.querySelectorAll("[data-language-link]").forEach(function (link) {
      link.search = window.location.search;
    });
  });

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
    document.querySelectorAll("[data-filters-toggle]").forEach(enhanceFilters);
  });
})();
