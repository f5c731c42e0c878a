// InTime Accounts page behaviour: CSRF for htmx requests, confirmations, toasts, "/" to search.
(function () {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  document.body.addEventListener('htmx:configRequest', function (event) {
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // <form data-confirm="Delete this account?"> asks before submitting.
  document.addEventListener('submit', function (event) {
    const message = event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  }, true);

  // A server-sent toast: <div data-toast="Saved"> anywhere in the page, or an HX-Trigger {"toast": "..."}.
  function showToast(text) {
    const toast = document.getElementById('toast');
    if (!toast || !text) return;
    toast.textContent = text;
    toast.hidden = false;
    clearTimeout(showToast.timer);
    showToast.timer = setTimeout(function () { toast.hidden = true; }, 4000);
  }
  document.body.addEventListener('toast', function (event) { showToast(event.detail.value); });
  document.addEventListener('DOMContentLoaded', function () {
    const flash = document.querySelector('[data-toast]');
    if (flash) showToast(flash.getAttribute('data-toast'));
  });

  // "/" focuses the page's search box, Esc leaves it.
  document.addEventListener('keydown', function (event) {
    const search = document.querySelector('[data-search]');
    if (event.key === '/' && search && document.activeElement.tagName !== 'INPUT' && document.activeElement.tagName !== 'TEXTAREA') {
      event.preventDefault();
      search.focus();
    } else if (event.key === 'Escape' && document.activeElement === search) {
      search.blur();
    }
  });
})();
