// "Share contact": the phone's share sheet (Web Share API) where the browser has one, with the text of
// the link's WhatsApp share page; otherwise, and when sharing fails, that page, as without script.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.button--share");
  if (!link || !navigator.share) return;
  event.preventDefault();
  navigator.share({ text: new URL(link.href).searchParams.get("text") }).catch(function (error) {
    if (error.name !== "AbortError") window.location.href = link.href;
  });
});
