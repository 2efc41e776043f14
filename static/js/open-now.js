// The "open now" line of a page read later than it was made (saved for offline use): the server listed
// the line's coming texts and when each begins; show the one that holds now, and none past the list's end.
function showOpenNow() {
  var now = Date.now();
  document.querySelectorAll("[data-open-now]").forEach(function (line) {
    var current = null;
    JSON.parse(line.getAttribute("data-open-now")).forEach(function (change) {
      if (Date.parse(change[0]) <= now) current = change;
    });
    if (!current) return;
    line.hidden = !current[1];
    if (current[1]) {
      line.textContent = current[2];
      line.className = line.className.replace(/open-now--\w+/, "open-now--" + current[1]);
    }
  });
}
showOpenNow();
setInterval(showOpenNow, 60000);
