// "Share contact": the phone's share sheet (Web Share API) where the browser has one; otherwise,
// and when sharing fails, the link itself: WhatsApp's share page with the same text, as without script.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a[data-share-text]");
  if (!link || !navigator.share) return;
  event.preventDefault();
  navigator.share({ title: link.dataset.shareTitle, text: link.dataset.shareText }).catch(function (error) {
    if (error.name !== "AbortError") window.location.href = link.href;
  });
});
