/* "Leave this page quickly": blank the page at once and replace it in the history, so the
   Back button does not bring it back. Without JavaScript the button is an ordinary link. */
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a[data-leave-quickly]");
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey) {
    return;
  }
  event.preventDefault();
  document.body.style.visibility = "hidden";
  window.location.replace(link.href);
});
