// A session that ended (signed out elsewhere, or expired at the identity provider) answers htmx's
// background requests with a redirect to sign in; the whole page goes there instead of a fragment.
document.addEventListener("htmx:beforeSwap", function (event) {
  var xhr = event.detail.xhr;
  if (xhr.responseURL && new URL(xhr.responseURL).origin !== window.location.origin) {
    window.location.reload();
  }
});

// An answer the console itself refused (an expired form, a request too large) is shown in words
// where the action's result would have gone, instead of nothing happening.
document.addEventListener("htmx:responseError", function (event) {
  var target = event.detail.target;
  var problem = document.createElement("div");
  problem.className = "problem";
  problem.setAttribute("role", "alert");
  var status = event.detail.xhr.status;
  var words = status === 400 ? "The page was open too long or was changed elsewhere: reload it and try again."
    : status === 413 ? "What you sent is too large."
    : "The console could not do this (" + status + "). Try again; if it keeps failing, operations can look it up.";
  problem.textContent = words;
  target.prepend(problem);
});
