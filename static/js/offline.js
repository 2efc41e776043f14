/* Contacts without signal: registers the site's service worker and makes the "save on this
   phone" buttons work. Without it (old browsers, no JavaScript) the site works as it is. */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.MessageChannel) return;
  var script = document.currentScript;
  navigator.serviceWorker.register(script.getAttribute("data-worker"), { scope: "/" }).catch(function () {});

  function keep(path, status) {
    var channel = new MessageChannel();
    status.textContent = status.getAttribute("data-saving");
    channel.port1.onmessage = function (event) {
      status.textContent = status.getAttribute(event.data.saved ? "data-saved" : "data-failed");
    };
    navigator.serviceWorker.ready.then(function (registration) {
      registration.active.postMessage({ keep: path }, [channel.port2]);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-keep-offline]"), function (box) {
    var button = box.querySelector("button");
    var status = box.querySelector("[role=status]");
    box.hidden = false;
    button.addEventListener("click", function () { keep(box.getAttribute("data-keep-offline"), status); });
  });
})();
