/* The report's only script: filters by severity and rule, "only paragraphs with findings", print,
   and lighting a finding's note and spans together. It reads the page, never the network. */
(function () {
  "use strict";
  var RANK = { e: 3, w: 2, i: 1 };
  var LETTER = { error: "e", warning: "w", info: "i" };
  var body = document.body;
  var issues = {};
  var all = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };
  all("li.issue").forEach(function (li) { issues[li.id] = { sev: li.getAttribute("data-sev"), rule: li.getAttribute("data-rule"), el: li }; });
  var sevOn = { error: true, warning: true, info: true };
  var ruleOn = {};
  function visible(id) {
    var it = issues[id];
    return !!it && sevOn[it.sev] !== false && ruleOn[it.rule] !== false;
  }
  function ids(el, name) {
    var v = el.getAttribute(name);
    return v ? v.split(" ") : [];
  }
  function apply() {
    Object.keys(issues).forEach(function (id) { issues[id].el.hidden = !visible(id); });
    all("mark.hl").forEach(function (m) {
      var best = "", rel = false;
      ids(m, "data-i").forEach(function (id) {
        var s = issues[id] && LETTER[issues[id].sev];
        if (visible(id) && (!best || RANK[s] > RANK[best])) { best = s; }
      });
      ids(m, "data-r").forEach(function (id) { if (visible(id)) { rel = true; } });
      m.className = "hl " + (best ? "s-" + best : rel ? "rel" : "off");
    });
    all("a.tag").forEach(function (a) { a.hidden = !visible(a.getAttribute("data-i")); });
    all(".doc > .blk").forEach(function (b) {
      b.classList.toggle("has", all("li.issue", b).some(function (li) { return !li.hidden; }));
    });
  }
  all("[data-filter-sev]").forEach(function (box) {
    box.addEventListener("change", function () { sevOn[box.getAttribute("data-filter-sev")] = box.checked; apply(); });
  });
  all("[data-filter-rule]").forEach(function (box) {
    box.hidden = false;
    box.addEventListener("change", function () { ruleOn[box.getAttribute("data-filter-rule")] = box.checked; apply(); });
  });
  var only = document.getElementById("only-findings");
  if (only) { only.addEventListener("change", function () { body.classList.toggle("only-findings", only.checked); }); }
  var print = document.getElementById("print-report");
  if (print) { print.addEventListener("click", function () { window.print(); }); }
  function light(id, on) {
    if (issues[id]) { issues[id].el.classList.toggle("lit", on); }
    all("mark.hl").forEach(function (m) {
      if (ids(m, "data-i").concat(ids(m, "data-r")).indexOf(id) >= 0) { m.classList.toggle("lit", on); }
    });
  }
  all("li.issue").forEach(function (li) {
    li.addEventListener("mouseenter", function () { light(li.id, true); });
    li.addEventListener("mouseleave", function () { light(li.id, false); });
  });
  // Links inside the page scroll here rather than navigate: shown in the web page's frame (srcdoc),
  // "#x" would resolve against the page around it and load that page in the frame.
  document.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest("a[href^='#']") : null;
    if (!a) { return; }
    var target = document.getElementById(a.getAttribute("href").slice(1));
    e.preventDefault();
    if (!target) { return; }
    target.scrollIntoView({ block: "center" });
    if (issues[target.id]) {
      light(target.id, true);
      setTimeout(function () { light(target.id, false); }, 1500);
    }
  });
  var toolbar = document.getElementById("toolbar");
  if (toolbar) { toolbar.hidden = false; }
}());
