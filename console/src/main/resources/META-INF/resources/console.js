// A session that ended (signed out elsewhere, or expired at the identity provider) answers htmx's
// background requests with a redirect to sign in; the whole page goes there instead of a fragment.
document.addEventListener("htmx:beforeSwap", function (event) {
  var xhr = event.detail.xhr;
  if (xhr.responseURL && new URL(xhr.responseURL).origin !== window.location.origin) {
    window.location.reload();
  }
});
