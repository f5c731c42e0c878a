// Import preview: the confirm button shows it is busy and cannot be pressed twice.
(function () {
  const form = document.getElementById('confirm-form');
  if (!form) return;
  form.addEventListener('submit', function () {
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    button.textContent = form.getAttribute('data-busy');
  });
})();
