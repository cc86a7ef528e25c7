/* Accessibility repairs for Dash 4's core components, applied as they render.
 *
 * dcc.RadioItems / dcc.Checklist render a role="listbox" of role="option" labels wrapping
 * native inputs (nested interactive controls, a listbox without a name); dcc.Dropdown keeps
 * a focusable input marked aria-hidden. Screen readers then announce nonsense or nothing.
 * Here: option groups become a named radiogroup / group of plain labels, and the dropdown's
 * keyboard target is exposed with the field's label as its name. No behaviour changes. */
(function () {
  "use strict";

  function nameFrom(el) {
    var fieldset = el.closest("fieldset");
    var legend = fieldset && fieldset.querySelector("legend");
    if (legend) { return legend.textContent.trim(); }
    var label = el.id && document.querySelector('label[for="' + el.id + '"]');
    return label ? label.textContent.trim() : "";
  }

  function repairOptionLists(root) {
    var lists = '.dash-radioitems[role="listbox"], .dash-checklist[role="listbox"]';
    root.querySelectorAll(lists).forEach(function (list) {
      var radios = list.querySelector('input[type="radio"]');
      list.setAttribute("role", radios ? "radiogroup" : "group");
      var name = nameFrom(list);
      if (name) { list.setAttribute("aria-label", name); }
      list.querySelectorAll('[role="option"]').forEach(function (option) {
        option.removeAttribute("role");
        option.removeAttribute("aria-selected");
      });
    });
  }

  function repairDropdowns(root) {
    root.querySelectorAll('.dash-dropdown-focus-target[aria-hidden="true"]')
      .forEach(function (input) {
        var wrapper = input.closest(".dash-dropdown-wrapper");
        var button = wrapper && wrapper.querySelector("button.dash-dropdown");
        input.removeAttribute("aria-hidden");
        var name = button ? nameFrom(button) : "";
        if (name) { input.setAttribute("aria-label", name); }
      });
  }

  function repair(root) {
    repairOptionLists(root);
    repairDropdowns(root);
  }

  var scheduled = false;
  new MutationObserver(function () {
    if (scheduled) { return; }
    scheduled = true;
    window.requestAnimationFrame(function () { scheduled = false; repair(document); });
  }).observe(document.documentElement, {childList: true, subtree: true,
                                        attributes: true, attributeFilter: ["role", "aria-hidden"]});
  document.addEventListener("DOMContentLoaded", function () { repair(document); });
})();
