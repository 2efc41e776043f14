/* Suggestions while typing in the site search: each search field gets a <datalist>
   filled from /api/search/suggest/. Without JavaScript the form works as it is. */
(function () {
  "use strict";
  if (!window.fetch || !window.URLSearchParams) return;
  var language = document.documentElement.lang || "id";
  var fields = document.querySelectorAll('input[type="search"][name="q"]');
  Array.prototype.forEach.call(fields, function (field, index) {
    var list = document.createElement("datalist");
    var timer = null;
    var asked = "";
    list.id = "search-suggestions-" + index;
    field.parentNode.insertBefore(list, field.nextSibling);
    field.setAttribute("list", list.id);
    field.addEventListener("input", function () {
      var query = field.value.trim();
      window.clearTimeout(timer);
      if (query.length < 3 || query === asked) return;
      timer = window.setTimeout(function () {
        asked = query;
        fetch("/api/search/suggest/?" + new URLSearchParams({ q: query, lang: language }))
          .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
          .then(function (data) {
            while (list.firstChild) list.removeChild(list.firstChild);
            data.suggestions.forEach(function (text) { list.appendChild(new Option(text, text)); });
          })
          .catch(function () {});
      }, 250);
    });
  });
})();
