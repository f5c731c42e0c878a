// InTime Accounts page behaviour: CSRF for htmx requests, confirmations, toasts, the small
// screen's menu, tab bars that scroll, "/" to search.
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

  // On a small screen the sidebar is a panel: the menu button opens and closes it; Esc and a
  // click beside it close it and give the focus back to the button.
  const menuButton = document.getElementById('menu-button');
  const sidebar = document.getElementById('sidebar');
  const backdrop = document.getElementById('menu-backdrop');
  function setMenu(open, focusButton) {
    menuButton.setAttribute('aria-expanded', String(open));
    document.body.classList.toggle('menu-open', open);
    if (backdrop) backdrop.hidden = !open;
    if (!open && focusButton) menuButton.focus();
  }
  if (menuButton && sidebar) {
    menuButton.addEventListener('click', function () {
      setMenu(menuButton.getAttribute('aria-expanded') !== 'true', false);
    });
    if (backdrop) backdrop.addEventListener('click', function () { setMenu(false, true); });
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && menuButton.getAttribute('aria-expanded') === 'true') setMenu(false, true);
    });
    // Wide again: the sidebar is back in its place.
    window.matchMedia('(max-width: 760px)').addEventListener('change', function (event) {
      if (!event.matches) setMenu(false, false);
    });
  }

  // A tab bar wider than its box scrolls inside itself: the active tab is brought into view.
  function showActiveTabs() {
    document.querySelectorAll('.tabs').forEach(function (bar) {
      const active = bar.querySelector('.tab.active, [aria-current="page"]');
      if (!active || bar.scrollWidth <= bar.clientWidth) return;
      const box = bar.getBoundingClientRect();
      const tab = active.getBoundingClientRect();
      if (tab.left < box.left || tab.right > box.right) {
        bar.scrollLeft += tab.left - box.left - Math.max(0, (box.width - tab.width) / 2);
      }
    });
  }
  showActiveTabs();
  window.addEventListener('resize', showActiveTabs);

  // Its scrollbar hidden, a tab bar that overflows fades at the side where more tabs
  // are, and a mouse wheel scrolls it sideways.
  function tabEdges(bar) {
    bar.classList.toggle('more-left', bar.scrollLeft > 2);
    bar.classList.toggle('more-right', bar.scrollLeft + bar.clientWidth < bar.scrollWidth - 2);
  }
  document.querySelectorAll('.tabs').forEach(function (bar) {
    tabEdges(bar);
    bar.addEventListener('scroll', function () { tabEdges(bar); }, { passive: true });
    bar.addEventListener('wheel', function (event) {
      if (bar.scrollWidth <= bar.clientWidth || Math.abs(event.deltaY) <= Math.abs(event.deltaX)) return;
      event.preventDefault();
      bar.scrollLeft += event.deltaY;
    }, { passive: false });
  });
  window.addEventListener('resize', function () { document.querySelectorAll('.tabs').forEach(tabEdges); });

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

  // <select data-autosubmit> submits its form when changed (filters).
  document.addEventListener('change', function (event) {
    if (event.target.matches('[data-autosubmit]') && event.target.form) event.target.form.requestSubmit();
  });

  // The bell: its button loads the panel (htmx) and opens it; a click elsewhere or Escape closes it.
  document.addEventListener('click', function (event) {
    const bell = document.getElementById('bell');
    if (!bell) return;
    const panel = document.getElementById('bell-panel');
    const button = document.getElementById('bell-button');
    if (button.contains(event.target)) {
      const open = panel.hasAttribute('hidden');
      panel.toggleAttribute('hidden', !open);
      button.setAttribute('aria-expanded', String(open));
    } else if (!panel.contains(event.target)) {
      panel.setAttribute('hidden', '');
      button.setAttribute('aria-expanded', 'false');
    }
  });
  document.addEventListener('keydown', function (event) {
    const panel = document.getElementById('bell-panel');
    if (event.key === 'Escape' && panel && !panel.hasAttribute('hidden')) {
      panel.setAttribute('hidden', '');
      document.getElementById('bell-button').setAttribute('aria-expanded', 'false');
    }
  });
})();
