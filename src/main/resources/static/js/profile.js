// Profile page: the "Copy" buttons of a new API token and of the curl example.
document.addEventListener('click', function (event) {
  const button = event.target.closest('[data-copy]');
  if (!button) return;
  const source = document.querySelector(button.getAttribute('data-copy'));
  const text = source ? source.textContent.trim() : '';
  function done() { button.textContent = 'Copied'; setTimeout(function () { button.textContent = 'Copy'; }, 2000); }
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done);
  } else {
    const range = document.createRange();
    range.selectNodeContents(source);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    if (document.execCommand('copy')) done();
  }
});
