/* Site search: the Pagefind index published with the site, read in the browser. Nothing
   typed here leaves the browser. */
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!form || !list || !status) { return; }
  var input = form.elements.q;
  var lang = document.documentElement.lang;
  var plural = new Intl.PluralRules(lang);
  var numbers = new Intl.NumberFormat(lang);
  var query = (new URLSearchParams(window.location.search).get("q") || "").trim();
  var header = document.getElementById("site-search-q");
  input.value = query;
  if (header) { header.value = query; }
  if (!query) { return; }

  function say(count) {
    var template = form.getAttribute(plural.select(count) === "one" ? "data-count-one"
                                                                     : "data-count-other");
    return template.replace("%(num)s", numbers.format(count)).replace("%(query)s", query);
  }

  function excerpt(html) {  // Pagefind marks the words found: keep the text and those marks
    var parsed = new DOMParser().parseFromString(html, "text/html");
    var out = document.createElement("p");
    parsed.body.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function show(found, total) {
    list.textContent = "";
    found.forEach(function (result) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = result.url;
      link.textContent = (result.meta && result.meta.title) || result.url;
      item.appendChild(link);
      item.appendChild(excerpt(result.excerpt || ""));
      list.appendChild(item);
    });
    status.textContent = say(total);
  }

  import(form.getAttribute("data-bundle") + "pagefind.js").then(function (pagefind) {
    return pagefind.options({ baseUrl: form.getAttribute("data-base") }).then(function () {
      return pagefind.search(query);
    }).then(function (search) {
      return Promise.all(search.results.slice(0, 50).map(function (r) { return r.data(); }))
        .then(function (found) { show(found, search.results.length); });
    });
  }).catch(function () {
    status.textContent = form.getAttribute("data-failed");
  });
}());
