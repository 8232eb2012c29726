// A form marked data-submit-once disables its buttons once sent, so a double click posts once.
// The server does not rely on it: the same submission key never makes a second dossier.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!form.hasAttribute("data-submit-once")) return;
  // After the submit event, so the button's own name and value are still sent.
  setTimeout(function () {
    form.querySelectorAll("button[type=submit]").forEach(function (button) {
      button.disabled = true;
      if (button.dataset.busyText) button.textContent = button.dataset.busyText;
    });
  }, 0);
});

// Back from the browser's page cache: the buttons work again.
window.addEventListener("pageshow", function (event) {
  if (!event.persisted) return;
  document.querySelectorAll("form[data-submit-once] button[type=submit]").forEach(function (b) {
    b.disabled = false;
  });
});
