// Print buttons work only with JavaScript, so they stay hidden until this runs.
for (const button of document.querySelectorAll("[data-sg-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
