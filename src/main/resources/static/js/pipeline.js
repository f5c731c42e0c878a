// The expansion pipeline board: drag a card to another stage (HTML5 drag and drop). A drop
// posts the same form as the card's Move forward button, with the version the board showed,
// so that a stale board gets the server's conflict message; a drop on Lost asks why first.
(function () {
  const board = document.getElementById('xp-board');
  if (!board) { return; }
  const moveForm = document.getElementById('xp-move-form');
  const dialog = document.getElementById('xp-lost-dialog');
  const lostForm = document.getElementById('xp-lost-form');
  let dragged = null;

  function action(form, id) {
    form.action = form.action.replace(/\/opportunities\/\d+\/move/, '/opportunities/' + id + '/move');
  }

  board.querySelectorAll('.xp-card[draggable="true"]').forEach(function (card) {
    card.addEventListener('dragstart', function (e) {
      dragged = card;
      card.classList.add('dragging');
      e.dataTransfer.effectAllowed = 'move';
      e.dataTransfer.setData('text/plain', card.dataset.id);
    });
    card.addEventListener('dragend', function () {
      card.classList.remove('dragging');
      board.querySelectorAll('.xp-column.drop-target').forEach(function (c) { c.classList.remove('drop-target'); });
    });
  });

  board.querySelectorAll('.xp-column').forEach(function (column) {
    column.addEventListener('dragover', function (e) {
      if (!dragged || dragged.dataset.stage === column.dataset.stage) { return; }
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      column.classList.add('drop-target');
    });
    column.addEventListener('dragleave', function (e) {
      if (!column.contains(e.relatedTarget)) { column.classList.remove('drop-target'); }
    });
    column.addEventListener('drop', function (e) {
      e.preventDefault();
      column.classList.remove('drop-target');
      if (!dragged || dragged.dataset.stage === column.dataset.stage) { return; }
      const card = dragged;
      dragged = null;
      if (column.dataset.stage === 'LOST') {
        action(lostForm, card.dataset.id);
        lostForm.elements.version.value = card.dataset.version;
        document.getElementById('xp-lost-what').textContent = card.dataset.title;
        dialog.showModal();
        document.getElementById('xp-lost-reason').focus();
        return;
      }
      column.appendChild(card);
      action(moveForm, card.dataset.id);
      moveForm.elements.version.value = card.dataset.version;
      moveForm.elements.stage.value = column.dataset.stage;
      moveForm.submit();
    });
  });

  document.getElementById('xp-lost-cancel').addEventListener('click', function () { dialog.close(); });
})();
