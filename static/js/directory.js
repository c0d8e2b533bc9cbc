/* Laboratory directory: search as you type and combinable filters, kept in the URL query.
   The list is complete in the HTML; this script only hides what does not match. */
(function () {
  "use strict";
  var form = document.getElementById("lab-filters");
  var list = document.getElementById("lab-list");
  if (!form || !list) { return; }
  var count = document.getElementById("lab-count");
  var none = document.getElementById("lab-none");
  var lang = form.getAttribute("data-lang") || document.documentElement.lang;
  var plural = new Intl.PluralRules(lang);
  var numbers = new Intl.NumberFormat(lang);
  var fields = ["q", "institute", "region", "country", "supervisor"];
  var items = Array.prototype.map.call(list.children, function (li) {
    return {
      li: li,
      text: fold(li.getAttribute("data-search")),
      institute: li.getAttribute("data-institute"),
      region: li.getAttribute("data-region"),
      country: li.getAttribute("data-country"),
      supervisors: li.getAttribute("data-supervisors").split("|")
    };
  });

  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  }

  function current() {
    var values = {};
    fields.forEach(function (name) { values[name] = form.elements[name].value; });
    return values;
  }

  function matches(item, f, words) {
    if (f.institute && item.institute !== f.institute) { return false; }
    if (f.region && item.region !== f.region) { return false; }
    if (f.country === "abroad" ? item.country === "France"
        : f.country && item.country !== f.country) { return false; }
    if (f.supervisor && item.supervisors.indexOf(f.supervisor) < 0) { return false; }
    return words.every(function (word) { return item.text.indexOf(word) >= 0; });
  }

  function apply(updateUrl) {
    var f = current();
    var words = fold(f.q).split(" ").filter(Boolean);
    var shown = 0;
    items.forEach(function (item) {
      var visible = matches(item, f, words);
      item.li.hidden = !visible;
      if (visible) { shown += 1; }
    });
    var pattern = form.getAttribute(plural.select(shown) === "one" ? "data-count-one" : "data-count-other");
    count.textContent = pattern.replace("%(num)s", numbers.format(shown));
    none.hidden = shown > 0;
    if (updateUrl) {
      var params = new URLSearchParams();
      fields.forEach(function (name) { if (f[name]) { params.set(name, f[name]); } });
      var query = params.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }
  }

  function restore() {
    var params = new URLSearchParams(location.search);
    fields.forEach(function (name) {
      var value = params.get(name);
      var field = form.elements[name];
      if (value === null) { return; }
      if (field.tagName === "SELECT" && !Array.prototype.some.call(field.options,
          function (o) { return o.value === value; })) { return; }
      field.value = value;
    });
  }

  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("input", function () { apply(true); });
  form.addEventListener("change", function () { apply(true); });
  restore();
  apply(false);
}());
