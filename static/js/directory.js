/* Laboratory directory: search as you type and combinable filters, kept in the URL query.
   The page's HTML holds the first page of the list (readers without JavaScript page through
   the rest); labs-index.js, loaded before this script, holds every lab. This script shows
   every lab that matches, best matches first, and says how many it shows. */
(function () {
  "use strict";
  var form = document.getElementById("lab-filters");
  var list = document.getElementById("lab-list");
  var index = window.labIndex;
  if (!form || !list || !index) { return; }
  var count = document.getElementById("lab-count");
  var none = document.getElementById("lab-none");
  var lang = form.getAttribute("data-lang") || document.documentElement.lang;
  var plural = new Intl.PluralRules(lang);
  var numbers = new Intl.NumberFormat(lang);
  var fields = ["q", "institute", "region", "country", "supervisor"];
  var supervisors = index.supervisors;

  /* Lower case, accents and punctuation gone: "Génie-Civil" -> "genie civil". */
  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/œ/g, "oe").replace(/æ/g, "ae")
      .toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  }

  /* A code without spaces or punctuation: "UMR 7144" -> "umr7144". */
  function compact(text) { return fold(text).replace(/ /g, ""); }

  var labs = index.labs.map(function (row, order) {
    var codes = [row.c].concat(row.k || []);
    var sups = (row.s || []).map(function (i) { return supervisors[i]; });
    var names = fold(row.n);
    var parts = [row.n, row.a, row.y, row.w, codes.join(" "), codes.map(compact).join(" ")];
    sups.forEach(function (s) { parts.push(s[0], s[1]); });
    return {
      row: row, order: order, name: names, acronym: compact(row.a),
      codes: codes.map(compact), text: " " + fold(parts.join(" ")) + " ",
      supervisors: sups.map(function (s) { return s[2]; })
    };
  });

  function current() {
    var values = {};
    fields.forEach(function (name) { values[name] = form.elements[name].value; });
    return values;
  }

  function passes(lab, f) {
    var row = lab.row;
    if (f.institute && (row.i || "") !== f.institute) { return false; }
    if (f.region && (row.r || "") !== f.region) { return false; }
    if (f.country === "abroad" ? row.g === "France" : f.country && row.g !== f.country) {
      return false;
    }
    return !f.supervisor || lab.supervisors.indexOf(f.supervisor) >= 0;
  }

  /* 0: the query is the lab's code or acronym; 1: its name starts with the query;
     2: every word is in the name; 3: every word is somewhere; -1: a word is missing. */
  function rank(lab, query, words) {
    for (var i = 0; i < words.length; i += 1) {
      if (lab.text.indexOf(" " + words[i]) < 0) { return -1; }
    }
    var whole = compact(query);
    if (whole && (lab.codes.indexOf(whole) >= 0 || lab.acronym === whole)) { return 0; }
    if (lab.name.indexOf(fold(query)) === 0) { return 1; }
    var inName = words.every(function (w) { return (" " + lab.name).indexOf(" " + w) >= 0; });
    return inName ? 2 : 3;
  }

  function search(f) {
    var words = fold(f.q).split(" ").filter(Boolean);
    var found = [];
    labs.forEach(function (lab) {
      if (!passes(lab, f)) { return; }
      var r = words.length ? rank(lab, f.q, words) : 3;
      if (r >= 0) { found.push({ lab: lab, rank: r }); }
    });
    found.sort(function (a, b) { return a.rank - b.rank || a.lab.order - b.lab.order; });
    return found.map(function (hit) { return hit.lab; });
  }

  function escape(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;")
      .replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function item(row) {
    var meta = [row.c, row.y, row.t, row.i === "none" ? "" : row.i].filter(Boolean);
    return "<li><a class=\"lab-name\" href=\"" + escape(row.u) + "\"" +
      (row.l ? " lang=\"" + row.l + "\"" : "") + ">" + escape(row.n) + "</a>" +
      (row.a ? " <span class=\"lab-acronym\">(" + escape(row.a) + ")</span>" : "") +
      "<div class=\"lab-meta\">" + meta.map(escape).join(" · ") + "</div></li>";
  }

  function apply(updateUrl) {
    var f = current();
    var shown = search(f);
    list.innerHTML = shown.map(function (lab) { return item(lab.row); }).join("");
    var pattern = form.getAttribute(plural.select(shown.length) === "one"
      ? "data-count-one" : "data-count-other");
    count.textContent = pattern.replace("%(num)s", numbers.format(shown.length));
    none.hidden = shown.length > 0;
    if (updateUrl) {
      var params = new URLSearchParams();
      fields.forEach(function (name) { if (f[name]) { params.set(name, f[name]); } });
      var query = params.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") +
        location.hash);
    }
  }

  function restore() {
    var params = new URLSearchParams(location.search);
    fields.forEach(function (name) {
      var value = params.get(name);
      var field = form.elements[name];
      if (value === null) { return; }
      if (field.tagName === "SELECT") {  /* 'Occitanie' in an older link is 'occitanie' */
        var wanted = compact(value);
        var option = Array.prototype.find.call(field.options, function (o) {
          return o.value === value || compact(o.value) === wanted || compact(o.text) === wanted;
        });
        if (!option) { return; }
        value = option.value;
      }
      field.value = value;
    });
  }

  form.hidden = false;
  ["lab-range", "lab-pager"].forEach(function (id) {
    var element = document.getElementById(id);
    if (element) { element.hidden = true; }
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
  form.addEventListener("input", function () { apply(true); });
  form.addEventListener("change", function () { apply(true); });
  restore();
  apply(false);
}());
