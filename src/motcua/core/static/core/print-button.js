// Buttons marked `data-print` print the page: an inline onclick would be refused by the
// Content-Security-Policy, which allows no inline script.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
