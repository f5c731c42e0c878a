// The activity form follows its type and tense: an element with data-types="CALL MEETING" shows for those types,
// one with data-tense="planned" (or "logged") for that tense; what is hidden is disabled, so it is not sent (the
// server refuses fields of another kind, e.g. a duration on an email or a sentiment on a call still ahead).
(function () {
  const form = document.getElementById('activity-form');
  if (!form) return;
  const now = form.getAttribute('data-now');
  const when = form.querySelector('[name=occurredAt]');
  const direction = form.querySelector('select[name=direction]');
  const heading = document.getElementById('form-heading');
  const save = document.getElementById('save-activity');

  function type() {
    const checked = form.querySelector('input[name=type]:checked');
    return checked ? checked.value : 'CALL';
  }

  // Planned when it lies ahead of the server's now, both written yyyy-MM-ddTHH:mm in the person's time.
  function tense() {
    const value = when && when.value ? when.value.slice(0, 16) : '';
    return value && now && value > now ? 'planned' : 'logged';
  }

  function shows(element, currentType, currentTense) {
    const types = element.getAttribute('data-types');
    const wanted = element.getAttribute('data-tense');
    return (!types || types.split(' ').indexOf(currentType) >= 0) && (!wanted || wanted === currentTense);
  }

  function follow() {
    const currentType = type();
    const currentTense = tense();
    form.setAttribute('data-type', currentType);
    form.setAttribute('data-tense', currentTense);
    document.querySelectorAll('[data-types], [data-tense]').forEach(function (element) {
      if (element === form) return;
      element.hidden = !shows(element, currentType, currentTense);
    });
    form.querySelectorAll('input, select, textarea').forEach(function (control) {
      if (control.type === 'hidden') return;
      control.disabled = control.closest('[hidden]') !== null;
    });
    if (direction) {
      if (currentType === 'NOTE') {
        direction.value = 'INTERNAL';
      } else if (direction.value === 'INTERNAL') {
        direction.value = 'OUTBOUND';
      }
    }
    const chosen = form.querySelector('input[name=type]:checked');
    const title = chosen && chosen.getAttribute('data-heading-' + currentTense);
    if (heading && title) {
      heading.textContent = title;
      document.title = title + document.title.slice(document.title.indexOf(' · '));
    }
    const label = save && save.getAttribute('data-label-' + currentTense);
    if (label) save.textContent = label;
    const planned = form.querySelector('input[type=hidden][name=planned]');
    if (planned) planned.value = currentTense === 'planned' ? 'true' : 'false';
  }

  form.addEventListener('change', function (event) {
    if (event.target.name === 'type' || event.target === when) follow();
  });
  if (when) when.addEventListener('input', follow);
  follow();
})();
