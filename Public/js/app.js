// ttdn: a little progressive enhancement; every page works without it.
document.addEventListener("DOMContentLoaded", () => {
  // Ask before a destructive form is sent (forms mark themselves with data-confirm).
  for (const form of document.querySelectorAll("form[data-confirm]")) {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  }
  // Move focus to the first field with an error, so keyboard and screen-reader users land on it.
  const invalid = document.querySelector("[aria-invalid=true]");
  if (invalid) invalid.focus();
});
