// The executive pages (spec 01): keyboard shortcuts with their help overlay, and the data that
// could not be refreshed (the page keeps what it shows and says how old it is, with Retry).
(function () {
  const help = document.getElementById('shortcuts-help');

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  function press(key) {
    const el = document.querySelector('[data-shortcut="' + key + '"]');
    if (!el) return false;
    if (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT') {
      el.focus();
      el.scrollIntoView({ block: 'center' });
    } else {
      el.click();
    }
    return true;
  }

  document.addEventListener('keydown', function (event) {
    const key = event.key.toLowerCase();
    const command = event.metaKey || event.ctrlKey;
    // Cmd+Q (spec 01: "Quick view QBR calendar") reaches the page where the browser leaves it to
    // pages (Ctrl+Q on Windows and Linux); macOS keeps Cmd+Q for quitting, so Q alone does it too.
    if (command && (key === 'r' || key === 's' || key === 'q') && !event.shiftKey && !event.altKey) {
      if (press(key)) event.preventDefault();
      return;
    }
    if (command || event.altKey || typing(event.target) || document.querySelector('dialog[open]')) return;
    if (event.key === '?') {
      if (help) help.showModal();
      event.preventDefault();
    } else if (key === 'r' || key === 'n' || key === 's' || key === 'q') {
      if (press(key)) event.preventDefault();
    }
  });

  document.addEventListener('click', function (event) {
    if (event.target.closest('[data-help-open]') && help) help.showModal();
    const close = event.target.closest('[data-close-dialog]');
    if (close) close.closest('dialog').close();
    const open = event.target.closest('[data-open-dialog]');
    if (open) {
      const dialog = document.getElementById(open.getAttribute('data-open-dialog'));
      if (dialog) dialog.showModal();
    }
  });

  // A form refused in a dialog comes back with the dialog open on its error.
  document.querySelectorAll('dialog[data-open-on-load="true"]').forEach(function (d) { d.showModal(); });

  // A refresh that failed: keep the values, say how old they are, offer Retry.
  const banner = document.getElementById('stale-banner');
  // When the shown values arrived, by this browser's clock.
  let loadedAt = Date.now();
  function live() { return document.querySelector('[data-live]'); }
  function age(ms) {
    const minutes = Math.round(ms / 60000);
    return minutes < 1 ? 'less than a minute' : minutes === 1 ? '1 minute' : minutes + ' minutes';
  }
  function failed(event) {
    const el = live();
    const path = event.detail.requestConfig ? event.detail.requestConfig.path : '';
    if (!banner || !el || !/\/live$/.test(path)) return;
    banner.querySelector('[data-stale-age]').textContent = age(Date.now() - loadedAt);
    banner.hidden = false;
  }
  document.body.addEventListener('htmx:responseError', failed);
  document.body.addEventListener('htmx:sendError', failed);
  document.body.addEventListener('htmx:afterSwap', function (event) {
    const path = event.detail.requestConfig ? event.detail.requestConfig.path : '';
    if (!/\/live$/.test(path)) return;
    loadedAt = Date.now();
    if (banner) banner.hidden = true;
  });
  if (banner) {
    banner.querySelector('[data-stale-retry]').addEventListener('click', function () {
      const el = live();
      if (el && window.htmx) window.htmx.trigger(el, 'retry');
    });
  }
})();
