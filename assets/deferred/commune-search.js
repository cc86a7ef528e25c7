/* Suggestions for the commune search box (layouts/search.py), as one types: the box becomes
 * an ARIA combobox with a listbox of up to 8 communes from /api/v1/communes (each with its
 * department: homonyms). Down/Up move through them (aria-activedescendant), Enter opens the
 * one chosen (or, with none chosen, submits the form: the results page), Escape closes the
 * list. Without this script the form still works.
 *
 * Loaded with `defer` (web/http/frontend.py) and idle until someone types: it listens on the
 * document, so it needs no Dash callback and survives the router redrawing the header. */
(function () {
  "use strict";
  var API = "/api/v1/communes", LIMIT = 8, DELAY = 150, MIN_CHARS = 2;
  var boxes = new WeakMap();  // form → its combobox state
  var made = 0;

  function state(form) {
    var box = boxes.get(form);
    if (box && box.list.isConnected) { return box; }
    var input = form.querySelector("input[name=q]");
    var list = document.createElement("ul");
    var status = document.createElement("span");
    made += 1;
    list.id = "commune-suggestions-" + made;
    list.className = "search-suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", form.querySelector(".search-label").textContent);
    list.hidden = true;
    status.className = "search-status";
    status.setAttribute("role", "status");
    form.appendChild(list);
    form.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    box = {form: form, input: input, list: list, status: status, items: [], active: -1,
           timer: 0, asked: ""};
    boxes.set(form, box);
    return box;
  }

  function formOf(target) {
    return target && target.closest ? target.closest("form.commune-search") : null;
  }

  function english(box) {
    var lang = box.form.querySelector("input[name=lang]");
    return lang && lang.value === "en";
  }

  function close(box) {
    box.list.hidden = true;
    box.input.setAttribute("aria-expanded", "false");
    box.input.removeAttribute("aria-activedescendant");
    box.active = -1;
  }

  function show(box, communes) {
    box.list.textContent = "";
    box.items = communes;
    box.active = -1;
    communes.forEach(function (commune, i) {
      var option = document.createElement("li");
      option.id = box.list.id + "-" + i;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.textContent = commune.label;  // text, never HTML
      option.addEventListener("mousedown", function (e) { e.preventDefault(); });
      option.addEventListener("click", function () { go(box, commune.url); });
      box.list.appendChild(option);
    });
    box.status.textContent = communes.length > 1 ? communes.length + " suggestions" :
      (communes.length ? "1 suggestion" : "");
    if (!communes.length) { close(box); return; }
    box.list.hidden = false;
    box.input.setAttribute("aria-expanded", "true");
  }

  function choose(box, index) {
    var options = box.list.children;
    if (!options.length) { return; }
    box.active = (index + options.length) % options.length;
    Array.prototype.forEach.call(options, function (option, i) {
      option.setAttribute("aria-selected", i === box.active ? "true" : "false");
    });
    box.input.setAttribute("aria-activedescendant", options[box.active].id);
    options[box.active].scrollIntoView({block: "nearest"});
  }

  function go(box, url) {
    url += english(box) ? "?lang=en" : "";
    close(box);
    box.input.value = "";
    // the live Dash page navigates in place, as its own links do; the static copy reloads
    if (window.dash_clientside && !document.getElementById("prerender")) {
      window.history.pushState({}, "", url);
      window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
      window.scrollTo(0, 0);
    } else {
      window.location.assign(url);
    }
  }

  function ask(box) {
    var query = box.input.value.trim();
    if (query === box.asked) { return; }
    box.asked = query;
    if (query.length < MIN_CHARS) { close(box); return; }
    fetch(API + "?limit=" + LIMIT + "&q=" + encodeURIComponent(query))
      .then(function (response) { return response.ok ? response.json() : {communes: []}; })
      .then(function (answer) {
        if (box.input.value.trim() === query) { show(box, answer.communes || []); }
      })
      .catch(function () { close(box); });
  }

  document.addEventListener("input", function (e) {
    var form = formOf(e.target);
    if (!form || e.target.name !== "q") { return; }
    var box = state(form);
    window.clearTimeout(box.timer);
    box.timer = window.setTimeout(function () { ask(box); }, DELAY);
  });

  document.addEventListener("keydown", function (e) {
    var form = formOf(e.target);
    if (!form || e.target.name !== "q") { return; }
    var box = state(form);
    var open = !box.list.hidden;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!box.items.length) { return; }
      e.preventDefault();
      if (!open) { show(box, box.items); }
      choose(box, box.active + (e.key === "ArrowDown" ? 1 : -1) +
                  (box.active < 0 && e.key === "ArrowUp" ? 1 : 0));
    } else if (e.key === "Enter" && open && box.active >= 0) {
      e.preventDefault();
      go(box, box.items[box.active].url);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      close(box);
    }
  });

  // Someone who typed into the static copy's box (the index page's copy, on screen while
  // Dash loads) keeps the text and the caret in the live box when the copy goes
  // (assets/prerender.js removes it once Dash has drawn the page).
  var copy = document.getElementById("prerender");
  if (copy) {
    new MutationObserver(function (records, observer) {
      if (copy.isConnected) { return; }
      observer.disconnect();
      var typed = copy.querySelector("header input[name=q]");
      var live = document.querySelector("header form.commune-search input[name=q]");
      if (!typed || !typed.value || !live || live.value) { return; }
      // the live box is React's: set its value as typing would, so that Dash keeps it
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set
        .call(live, typed.value);
      live.dispatchEvent(new Event("input", {bubbles: true}));
      live.focus();
      live.setSelectionRange(typed.value.length, typed.value.length);
    }).observe(copy.parentNode, {childList: true});
  }

  document.addEventListener("focusout", function (e) {
    var form = formOf(e.target);
    if (form && boxes.has(form) && !form.contains(e.relatedTarget)) { close(state(form)); }
  });
})();
