// The audience page, when JavaScript runs: each question's form posts JSON to the ballot
// API and says at once whether the answer was saved; sliders show their value; a poll of
// the debate's state opens and closes the questions as the presenter does; a « hello »
// counts the phone as joined. Without it, the same forms post to the server as plain HTML
// forms, and the phone counts as joined at its first answer.
(function () {
  "use strict";
  var texts = JSON.parse(document.getElementById("textes").textContent);

  function say(form, text, isError) {
    var status = form.querySelector(".statut");
    status.textContent = text;
    status.classList.toggle("erreur", !!isError);
  }

  function setOpen(form, open) {
    form.querySelector("fieldset").disabled = !open;
    form.querySelector(".clos").hidden = open;
  }

  function ballot(form) {
    var data = new FormData(form);
    var question = data.get("question");
    var body = { device: data.get("device") };
    if (question === "priorities") {
      body.priorities = data.getAll("priorities");
    } else if (question === "scores") {
      body.scores = {};
      form.querySelectorAll("input[type=range]").forEach(function (input) {
        body.scores[input.name.slice(6)] = parseInt(input.value, 10);
      });
    } else if (question === "innovation") {
      if (data.get("innovation")) { body.innovation = data.get("innovation") === "oui"; }
    } else {
      body.word = data.get("word") || "";
    }
    return body;
  }

  function send(event) {
    var form = event.target;
    event.preventDefault();
    say(form, texts.sending, false);
    fetch(form.dataset.api, {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify(ballot(form)), credentials: "same-origin"
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (answer) {
        if (response.status === 201 || response.status === 200) {
          say(form, response.status === 201 ? texts.saved : texts.replaced, false);
        } else if (response.status === 409) {
          setOpen(form, false);
          say(form, texts.closed, true);
        } else if (response.status === 429) {
          say(form, texts.too_fast, true);
        } else {
          say(form, texts.failed.replace("{reason}", answer.error || response.status), true);
        }
      });
    }).catch(function () { say(form, texts.offline, true); });
  }

  function limitPriorities(form) {
    var boxes = form.querySelectorAll("input[name=priorities]");
    var update = function () {
      var chosen = form.querySelectorAll("input[name=priorities]:checked").length;
      boxes.forEach(function (box) { box.disabled = !box.checked && chosen >= 3; });
    };
    boxes.forEach(function (box) { box.addEventListener("change", update); });
  }

  document.querySelectorAll("form.bulletin").forEach(function (form) {
    form.addEventListener("submit", send);
    limitPriorities(form);
    form.querySelectorAll("input[type=range]").forEach(function (input) {
      var output = form.querySelector("output[for='" + input.id + "']");
      input.addEventListener("input", function () { output.value = input.value; });
    });
  });

  // the device counts as joined once its page has loaded (opening the page writes nothing)
  var device = document.querySelector("form.bulletin input[name=device]");
  if (device) {
    fetch(texts.hello, {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ device: device.value }), credentials: "same-origin"
    }).catch(function () {});
  }

  var version = null;
  function poll() {
    fetch(texts.state, { credentials: "same-origin" }).then(function (r) {
      return r.ok ? r.json() : null;
    }).then(function (state) {
      if (state && state.version !== version) {
        version = state.version;
        Object.keys(state.questions).forEach(function (question) {
          var form = document.getElementById("q-" + question);
          if (form) { setOpen(form, state.questions[question] === "open"); }
        });
      }
    }).catch(function () {}).then(function () { setTimeout(poll, 5000); });
  }
  setTimeout(poll, 5000);
})();
