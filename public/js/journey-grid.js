// Progressive enhancement for the journey editor's phase grid (#19.1). Without this script every phase is a form
// that saves with its button, and a step's actions are small forms that load the page again; all of that keeps
// working if the script is missing or fails. With it:
// - a phase saves itself in the background shortly after a cell changes (the same POST with Accept: application/json),
//   new columns learn their step ids so they are not created twice, and refused cells show their message;
// - a step's actions (earlier, later, add after, duplicate, move to a phase, remove) run without a page load, and the
//   phases are refreshed from the editor page with focus back on the step;
// - shortcuts in a step's cells: Alt+Shift+Left/Right move it (into the neighbouring phase at the ends), Alt+Shift+D
//   duplicates, Alt+Shift+N adds a step after, Alt+Shift+Z (or Ctrl/Cmd+Z outside text fields) undoes;
// - column headers can be dragged onto another column or phase;
// - changes can be undone one after another, newest first (each one's inverse is kept, up to UNDO_DEPTH; a refused
//   undo forgets the rest, which may no longer fit the draft), and every outcome is said in one polite live region.
// Texts and addresses come from data- attributes on #grid-bar (editor.ejs); nothing here is inline in the page.
(() => {
  'use strict';

  const bar = document.getElementById('grid-bar');
  const list = document.querySelector('ol.app-phase-list');
  const status = document.getElementById('grid-status');
  const undoButton = document.getElementById('grid-undo');
  if (!bar || !list || !status || !undoButton || !window.fetch || !window.DOMParser || !window.URLSearchParams) return;

  let texts;
  try {
    texts = JSON.parse(bar.dataset.texts || '{}');
  } catch {
    return;
  }

  /** A text with its {{placeholders}} filled in. */
  const say = (key, values = {}) => (texts[key] || key).replace(/\{\{(\w+)\}\}/g, (_m, name) => (name in values ? String(values[name]) : ''));

  // --- the live region ------------------------------------------------------------------------------------------

  let announceTimer = 0;
  /** Says a message once in the status line (polite); the same message twice in a row is said again. */
  function announce(message, isError = false) {
    window.clearTimeout(announceTimer);
    status.textContent = '';
    bar.classList.toggle('is-error', isError);
    announceTimer = window.setTimeout(() => {
      status.textContent = message;
    }, 60);
  }

  // --- addresses ------------------------------------------------------------------------------------------------

  /** A step's address for an action, from the pattern on the bar (built for step 0 by the server's paths). */
  const stepUrl = (which, stepId) => {
    const pattern = bar.dataset[which + 'Url'];
    return pattern ? pattern.replace('/steps/0/', `/steps/${encodeURIComponent(stepId)}/`) : null;
  };
  const csrf = () => {
    const input = document.querySelector('input[name="_csrf"]');
    return input ? input.value : '';
  };

  class RequestFailed extends Error {}

  /** POSTs a form body and reads the JSON answer: { ok, data }. A network error or an answer that is no JSON throws. */
  async function post(url, body) {
    const params = body instanceof URLSearchParams ? body : new URLSearchParams(body);
    if (!params.has('_csrf')) params.set('_csrf', csrf());
    const encoded = params.toString();
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: encoded,
      // A save still reaches the server when the designer leaves the page at that moment (small bodies only).
      keepalive: encoded.length < 48000,
    });
    let data = null;
    try {
      data = await response.json();
    } catch {
      throw new RequestFailed(String(response.status));
    }
    if (!data || typeof data !== 'object') throw new RequestFailed(String(response.status));
    return { ok: response.ok && data.ok === true, data };
  }

  /** The refusal's messages in one sentence, each named by its cell where it has one. */
  function errorText(errors, form) {
    return Object.entries(errors || {})
      .map(([key, message]) => {
        const field = form ? document.getElementById('field-' + key) : null;
        const name = field ? fieldName(field) : '';
        return name ? `${name}: ${message}` : String(message);
      })
      .join(' ');
  }

  // --- one thing at a time --------------------------------------------------------------------------------------

  let queue = Promise.resolve();
  let busy = 0;
  /** Runs network work one piece after another, so a save never meets a move half done. */
  function enqueue(work) {
    busy += 1;
    const next = queue.then(async () => {
      try {
        await work();
      } catch (err) {
        console.error(err);
        announce(say(err instanceof RequestFailed ? 'failed' : 'networkError', { errors: '' }).trim(), true);
      } finally {
        busy -= 1;
        updateUndo();
      }
    });
    queue = next;
    return next;
  }

  // --- the grid in the page -------------------------------------------------------------------------------------

  const phaseForms = () => Array.from(list.querySelectorAll('form.app-grid-form'));
  const phaseItems = () => Array.from(list.querySelectorAll(':scope > li.app-phase'));
  const phaseIdOf = (el) => {
    const li = el.closest('li.app-phase');
    return li ? li.id.replace(/^phase-/, '') : null;
  };
  const prefixOf = (form) => form.id.replace(/form$/, '');
  const phaseItem = (phaseId) => document.getElementById('phase-' + phaseId);
  const formOfPhase = (phaseId) => {
    const li = phaseItem(phaseId);
    return li ? li.querySelector('form.app-grid-form') : null;
  };
  /** A grid's column headers, step columns and new ones, in order. */
  const columnsOf = (formOrTable) => {
    const row = formOrTable.querySelector('table.app-grid thead tr');
    return row ? Array.from(row.cells).slice(1) : [];
  };
  const stepColumns = (form) => columnsOf(form).filter((th) => th.dataset.step);
  const stepHeader = (stepId) => list.querySelector(`th[data-step="${CSS.escape(String(stepId))}"]`);
  /** The field of a lane in a step's column, e.g. its title cell. */
  function cellOf(stepId, lane) {
    const th = stepHeader(stepId);
    if (!th) return null;
    const form = th.closest('form');
    return document.getElementById(`field-${prefixOf(form)}${lane}-${th.cellIndex - 1}`);
  }
  /** Where a step is: its phase, place among the phase's steps, title and number in the journey. */
  function stepInfo(stepId) {
    const th = stepHeader(stepId);
    if (!th) return null;
    const form = th.closest('form');
    const steps = stepColumns(form);
    const title = cellOf(stepId, 'title');
    const all = Array.from(list.querySelectorAll('th[data-step]'));
    return {
      phaseId: phaseIdOf(th),
      index: steps.indexOf(th),
      count: steps.length,
      title: title ? title.value.trim() : '',
      number: all.indexOf(th) + 1,
    };
  }
  const phaseTitle = (phaseId) => {
    const form = formOfPhase(phaseId);
    const field = form ? document.getElementById(`field-${prefixOf(form)}title`) : null;
    return field ? field.value.trim() : '';
  };
  /** The step column a field or header belongs to (null outside the grid or in a new column). */
  function stepOfElement(el) {
    const cell = el.closest('td, th');
    const table = el.closest('table.app-grid');
    if (!cell || !table || !list.contains(table) || cell.cellIndex < 1) return null;
    const th = columnsOf(table)[cell.cellIndex - 1];
    return th ? { th, stepId: th.dataset.step || null } : null;
  }
  /** A field's name as a person hears it: its label, or its lane and column ("Tittel, kolonne 2"). */
  function fieldName(field) {
    const labelled = field.getAttribute('aria-labelledby');
    if (labelled && field.closest('td')) {
      const row = field.closest('tr');
      const lane = row && row.cells[0] ? row.cells[0].textContent.trim() : '';
      return say('cellLabel', { lane, column: field.closest('td').cellIndex });
    }
    const label = field.id ? document.querySelector(`label[for="${CSS.escape(field.id)}"]`) : null;
    return label ? label.textContent.trim() : '';
  }

  // --- saving a phase -------------------------------------------------------------------------------------------

  /** What a phase form sends, without its token: [name, value] in page order. */
  const entriesOf = (form) => Array.from(new FormData(form)).filter(([name]) => name !== '_csrf').map(([name, value]) => [name, String(value)]);
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  /** Per form: what the server holds (as the form would send it), a pending save's timer, and a refusal shown. */
  const state = new WeakMap();
  const stateOf = (form) => {
    if (!state.has(form)) state.set(form, { saved: entriesOf(form), timer: 0, refused: false });
    return state.get(form);
  };
  const isDirty = (form) => {
    const st = stateOf(form);
    return st.refused || st.timer !== 0 || !same(entriesOf(form), st.saved);
  };
  const anyDirty = () => phaseForms().some(isDirty);

  function schedule(form, delay) {
    const st = stateOf(form);
    window.clearTimeout(st.timer);
    st.timer = window.setTimeout(() => {
      st.timer = 0;
      enqueue(() => save(form));
    }, delay);
    updateUndo();
  }

  /** The text lanes of a form (the fields a person types in), by name. */
  function textLanes(form) {
    const names = new Set();
    for (const field of form.querySelectorAll('td textarea[name], td input[name]:not([type="hidden"])')) names.add(field.name);
    return names;
  }

  /**
   * Saves a phase if it changed. Resolves true when the server holds what the form shows, false when it refused
   * (the cells then carry their messages).
   */
  async function save(form, { announceSame = false, undoable = true } = {}) {
    if (!form.isConnected) return true;
    const st = stateOf(form);
    window.clearTimeout(st.timer);
    st.timer = 0;
    const entries = entriesOf(form);
    if (!st.refused && same(entries, st.saved)) {
      if (announceSame) announce(say('saved'));
      return true;
    }
    const focus = describeFocus();
    const { ok, data } = await post(form.action, [['_csrf', csrf()], ...entries]);
    if (!ok) {
      st.refused = true;
      showErrors(form, data.errors || {});
      announce(say('saveFailed', { errors: errorText(data.errors, form) }), true);
      return false;
    }
    st.refused = false;
    clearErrors(form);
    const before = st.saved;
    const created = learnStepIds(form, entries, Array.isArray(data.stepIds) ? data.stepIds : []);
    st.saved = created.entries;
    if (undoable) setUndo({ kind: 'cells', phaseId: phaseIdOf(form), action: form.action, before, created: created.ids, focus });
    // The fields now hold what the server rendered no longer: the phase is replaced on the next refresh, and its
    // headers, numbers and handover notes follow then (once focus has left it).
    const li = form.closest('li.app-phase');
    if (li) rendered.delete(li.id);
    needsRefresh = true;
    if (created.mismatch) await refresh({ focus: describeFocus(), force: true });
    announce(say('saved'));
    return true;
  }

  /**
   * Gives the new columns that became steps their ids (the server answers the ids of the saved columns in order),
   * so the next save updates them instead of adding them again. Returns the saved entries with those ids in.
   */
  function learnStepIds(form, entries, stepIds) {
    const lanes = textLanes(form);
    const byName = new Map();
    const stepIdAt = [];
    entries.forEach(([name, value], i) => {
      if (!byName.has(name)) byName.set(name, []);
      byName.get(name).push(value);
      if (name === 'stepId') stepIdAt.push(i);
    });
    const sentIds = byName.get('stepId') || [];
    const used = sentIds.map((id, col) => id !== '' || [...lanes].some((lane) => ((byName.get(lane) || [])[col] || '').trim() !== ''));
    const saved = entries.map(([name, value]) => [name, value]);
    const ids = [];
    const expected = used.filter(Boolean).length;
    if (expected !== stepIds.length) return { entries: saved, ids: stepIds.filter((id) => !sentIds.includes(String(id))), mismatch: true };
    const headers = columnsOf(form);
    let next = 0;
    sentIds.forEach((sent, col) => {
      if (!used[col]) return;
      const id = String(stepIds[next++]);
      if (sent !== '') return;
      ids.push(Number(id));
      saved[stepIdAt[col]] = ['stepId', id];
      const th = headers[col];
      const input = th && th.querySelector('input[name="stepId"]');
      if (input) input.value = id;
      if (th) {
        th.dataset.step = id;
        th.draggable = true;
      }
    });
    return { entries: saved, ids, mismatch: false };
  }

  function clearErrors(form) {
    for (const message of form.querySelectorAll('.ds-validation-message')) {
      const field = form.querySelector(`[aria-describedby~="${CSS.escape(message.id)}"]`);
      if (field) {
        const rest = field.getAttribute('aria-describedby').split(/\s+/).filter((id) => id !== message.id);
        if (rest.length) field.setAttribute('aria-describedby', rest.join(' '));
        else field.removeAttribute('aria-describedby');
      }
      message.remove();
    }
    for (const field of form.querySelectorAll('[aria-invalid="true"]')) field.removeAttribute('aria-invalid');
    form.querySelector('.app-grid-form__error')?.remove();
  }

  /** Each message next to its cell (or above the grid for the form as a whole), tied to the field for screen readers. */
  function showErrors(form, errors) {
    clearErrors(form);
    for (const [key, message] of Object.entries(errors)) {
      const field = document.getElementById('field-' + key);
      const div = document.createElement('div');
      div.className = 'ds-validation-message';
      div.dataset.field = 'validation';
      div.textContent = String(message);
      if (field && form.contains(field)) {
        div.id = field.id + '-error';
        field.after(div);
        field.setAttribute('aria-invalid', 'true');
        const described = (field.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
        if (!described.includes(div.id)) described.push(div.id);
        field.setAttribute('aria-describedby', described.join(' '));
      } else {
        div.classList.add('app-grid-form__error');
        div.id = prefixOf(form) + 'form-error';
        form.prepend(div);
      }
    }
  }

  // --- refreshing phases from the page --------------------------------------------------------------------------

  let needsRefresh = false;

  /** Where focus is, so it can be found again in refreshed phases: by step and lane in the grid, else by id. */
  function describeFocus(el = document.activeElement) {
    if (!el || el === document.body || !document.contains(el)) return null;
    const desc = { id: el.id || null, caret: null };
    if (typeof el.selectionStart === 'number' && (el.tagName === 'TEXTAREA' || el.type === 'text')) desc.caret = [el.selectionStart, el.selectionEnd];
    const column = stepOfElement(el);
    if (column && column.stepId && el.name && el.closest('td')) {
      desc.stepId = column.stepId;
      desc.lane = el.name;
    }
    return desc;
  }

  function restoreFocus(desc) {
    if (!desc) return;
    let el = desc.stepId && desc.lane ? cellOf(desc.stepId, desc.lane) : null;
    if (!el && desc.id) el = document.getElementById(desc.id);
    if (!el) return;
    el.focus();
    if (desc.caret && typeof el.setSelectionRange === 'function') {
      try {
        el.setSelectionRange(desc.caret[0], desc.caret[1]);
      } catch {
        // Not every field takes a selection.
      }
    }
  }

  /** Each phase as the server last rendered it (token left out), to tell a phase that changed from one that did not. */
  const rendered = new Map();
  const normalised = (html) => html.replace(/ name="_csrf" value="[^"]*"/g, '');
  const remember = (li) => rendered.set(li.id, normalised(li.outerHTML));

  /**
   * Fetches the editor page and puts its changed phases in place of these, with the publishing panel and the status
   * line under the heading. A phase with changes not yet saved is kept as it is; so is the one focus is in, unless
   * `focus` says where focus goes afterwards. `force` replaces phases with unsaved changes too (undo).
   */
  async function refresh({ focus, force = false } = {}) {
    const response = await fetch(window.location.pathname + window.location.search, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
    if (!response.ok) throw new RequestFailed(String(response.status));
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    const fresh = doc.querySelector('ol.app-phase-list');
    if (!fresh) throw new RequestFailed('no phases');
    const explicit = focus !== undefined;
    const target = explicit ? focus : describeFocus();
    const active = document.activeElement;
    const oldItems = phaseItems();
    const newItems = Array.from(fresh.querySelectorAll(':scope > li.app-phase'));
    let kept = false;
    if (oldItems.length === newItems.length && oldItems.every((li, i) => li.id === newItems[i].id)) {
      newItems.forEach((li, i) => {
        const old = oldItems[i];
        const form = old.querySelector('form.app-grid-form');
        const dirty = Boolean(form && isDirty(form));
        const html = normalised(li.outerHTML);
        if (!dirty && html === rendered.get(li.id)) return;
        if (!force && (dirty || (!explicit && active && old.contains(active)))) {
          kept = true;
          return;
        }
        rendered.set(li.id, html);
        old.replaceWith(document.adoptNode(li));
      });
    } else {
      for (const li of newItems) remember(li);
      list.replaceChildren(...newItems.map((li) => document.adoptNode(li)));
    }
    for (const selector of ['section[aria-labelledby="publish-heading"]', 'main h1 + p']) {
      const now = document.querySelector(selector);
      const next = doc.querySelector(selector);
      if (now && next && !now.contains(document.activeElement) && normalised(now.outerHTML) !== normalised(next.outerHTML)) now.replaceWith(document.adoptNode(next));
    }
    needsRefresh = kept;
    enhance();
    if (explicit || !document.activeElement || document.activeElement === document.body) restoreFocus(target);
  }

  /** What the script adds to freshly rendered phases: draggable step headers. */
  function enhance() {
    for (const th of list.querySelectorAll('th[data-step]')) th.draggable = true;
    for (const form of phaseForms()) stateOf(form);
  }

  // --- undo -----------------------------------------------------------------------------------------------------

  const UNDO_DEPTH = 50;
  let changes = [];
  function setUndo(change) {
    changes.push(change);
    if (changes.length > UNDO_DEPTH) changes.shift();
    updateUndo();
  }
  function updateUndo() {
    undoButton.disabled = changes.length === 0 && !anyDirty();
  }

  /** Undoes what was typed but not saved yet, or else the last change, by doing its inverse. */
  function undo() {
    const typing = phaseForms().filter((form) => isDirty(form));
    if (typing.length === 0 && changes.length === 0) {
      announce(say('nothingToUndo'));
      return;
    }
    const focus = describeFocus();
    if (typing.length > 0) {
      for (const form of typing) window.clearTimeout(stateOf(form).timer);
      for (const form of typing) stateOf(form).timer = 0;
      enqueue(async () => {
        await refresh({ focus, force: true });
        announce(say('undoneTyping'));
      });
      return;
    }
    const change = changes.pop();
    updateUndo();
    enqueue(async () => {
      let ok = true;
      let message = '';
      let errors = null;
      const check = (result) => {
        if (!result.ok) {
          ok = false;
          errors = result.data.errors;
        }
        return result.ok;
      };
      if (change.kind === 'cells') {
        for (const id of change.created) check(await post(stepUrl('remove', id), []));
        if (ok) check(await post(change.action, [['_csrf', csrf()], ...change.before]));
        message = say('undoneCells', { phase: phaseTitle(change.phaseId) });
        await refresh({ focus: change.focus || focus, force: true });
      } else if (change.kind === 'place') {
        if (check(await post(stepUrl('place', change.stepId), [['phaseId', change.phaseId], ['index', String(change.index)]]))) {
          await refresh({ focus: { stepId: change.stepId, lane: change.lane || 'title' }, force: true });
        }
        message = say('undoneMove', { title: change.title });
      } else if (change.kind === 'added') {
        const info = stepInfo(change.stepId);
        if (check(await post(stepUrl('remove', change.stepId), []))) {
          await refresh({ focus: { stepId: change.afterStepId, lane: 'title' }, force: true });
        }
        message = say('undoneAdd', { title: info ? info.title : change.title });
      } else if (change.kind === 'removed') {
        if (check(await post(stepUrl('restore', change.stepId), []))) {
          check(await post(stepUrl('place', change.stepId), [['phaseId', change.phaseId], ['index', String(change.index)]]));
          await refresh({ focus: { stepId: change.stepId, lane: 'title' }, force: true });
        }
        message = say('undoneRemove', { title: change.title });
      }
      if (ok) announce(message);
      else {
        changes = [];
        updateUndo();
        announce(say('failed', { errors: errorText(errors) }), true);
      }
    });
  }

  // --- step actions ---------------------------------------------------------------------------------------------

  /**
   * Runs a structural change: first every phase with unsaved cells is saved (a refused save stops it), then the
   * change, then the phases are refreshed.
   */
  function change(work) {
    return enqueue(async () => {
      for (const form of phaseForms()) {
        if (isDirty(form) && !(await save(form, { undoable: true }))) return;
      }
      await work();
    });
  }

  /** Puts a step at `index` among the other steps of a phase, remembering where it was. */
  function place(stepId, phaseId, index, lane = 'title') {
    change(async () => {
      const from = stepInfo(stepId);
      if (!from) return;
      if (from.phaseId === String(phaseId) && from.index === index) return;
      const result = await post(stepUrl('place', stepId), [['phaseId', String(phaseId)], ['index', String(index)]]);
      if (!result.ok) return void announce(say('failed', { errors: errorText(result.data.errors) }), true);
      setUndo({ kind: 'place', stepId, phaseId: from.phaseId, index: from.index, title: from.title, lane });
      await refresh({ focus: { stepId, lane } });
      const now = stepInfo(stepId);
      announce(say('moved', { title: from.title, number: now ? now.number : '', phase: phaseTitle(now ? now.phaseId : phaseId) }));
    });
  }

  /** One place earlier or later; past the ends of its phase into the neighbouring phase (its end or its start). */
  function moveBy(stepId, delta, lane) {
    const info = stepInfo(stepId);
    if (!info) return;
    const phases = phaseItems().map((li) => li.id.replace(/^phase-/, ''));
    const p = phases.indexOf(info.phaseId);
    if (delta < 0) {
      if (info.index > 0) return place(stepId, info.phaseId, info.index - 1, lane);
      if (p <= 0) return announce(say('atStart', { title: info.title }));
      const previous = formOfPhase(phases[p - 1]);
      return place(stepId, phases[p - 1], previous ? stepColumns(previous).length : 0, lane);
    }
    if (info.index < info.count - 1) return place(stepId, info.phaseId, info.index + 1, lane);
    if (p < 0 || p >= phases.length - 1) return announce(say('atEnd', { title: info.title }));
    return place(stepId, phases[p + 1], 0, lane);
  }

  /** A new blank step after this one, or a copy of it; the new step's title cell gets focus. */
  function addAfter(stepId, duplicate) {
    const form = document.getElementById(`act-${stepId}-${duplicate ? 'duplicate' : 'after'}`);
    if (!form) return;
    change(async () => {
      const info = stepInfo(stepId);
      const result = await post(form.action, new FormData(form));
      if (!result.ok) return void announce(say('failed', { errors: errorText(result.data.errors) }), true);
      const id = String(result.data.id);
      setUndo({ kind: 'added', stepId: id, afterStepId: stepId, title: info ? info.title : '' });
      await refresh({ focus: { stepId: id, lane: 'title' } });
      const now = stepInfo(id);
      announce(say(duplicate ? 'duplicated' : 'added', { title: info ? info.title : '', number: now ? now.number : '' }));
    });
  }

  /** Removes a step without content (the others go to their confirmation page); focus goes to a neighbour. */
  function remove(stepId) {
    const form = document.getElementById(`act-${stepId}-remove`);
    change(async () => {
      const info = stepInfo(stepId);
      if (!info) return;
      const th = stepHeader(stepId);
      const steps = stepColumns(th.closest('form'));
      const neighbour = steps[info.index - 1] || steps[info.index + 1];
      const result = await post(form.action, new FormData(form));
      if (!result.ok) return void announce(say('failed', { errors: errorText(result.data.errors) }), true);
      setUndo({ kind: 'removed', stepId, phaseId: info.phaseId, index: info.index, title: info.title });
      const phaseField = `field-p${info.phaseId}-title`;
      await refresh({ focus: neighbour ? { stepId: neighbour.dataset.step, lane: 'title' } : { id: phaseField } });
      announce(say('removed', { title: info.title }));
    });
  }

  /** "Move to phase": to the end of the chosen phase. */
  function toPhase(stepId, form) {
    const data = new FormData(form);
    const phaseId = String(data.get('phaseId') || '');
    const target = formOfPhase(phaseId);
    if (!phaseId) return;
    place(stepId, phaseId, target ? stepColumns(target).filter((th) => th.dataset.step !== String(stepId)).length : 999);
  }

  // --- events ---------------------------------------------------------------------------------------------------

  const isPhaseForm = (form) => form instanceof HTMLFormElement && form.classList.contains('app-grid-form') && list.contains(form);

  list.addEventListener('input', (event) => {
    const form = event.target.form;
    if (isPhaseForm(form)) schedule(form, 900);
  });
  list.addEventListener('change', (event) => {
    const form = event.target.form;
    if (isPhaseForm(form)) schedule(form, 0);
  });

  // Forms: a phase's own button saves in the background; a step's action forms run without a page load; any other
  // form on the page (publish, add a phase) waits until the phases are saved.
  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    if (isPhaseForm(form)) {
      event.preventDefault();
      window.clearTimeout(stateOf(form).timer);
      stateOf(form).timer = 0;
      enqueue(() => save(form, { announceSame: true }));
      return;
    }
    const action = /^act-(\d+)-(up|down|after|duplicate|remove|phase)$/.exec(form.id);
    if (action) {
      event.preventDefault();
      const [, stepId, which] = action;
      if (which === 'up' || which === 'down') moveBy(stepId, which === 'up' ? -1 : 1, 'title');
      else if (which === 'after' || which === 'duplicate') addAfter(stepId, which === 'duplicate');
      else if (which === 'remove') remove(stepId);
      else toPhase(stepId, form);
      return;
    }
    if (form.dataset.gridSaved === 'yes' || (!anyDirty() && busy === 0)) return;
    event.preventDefault();
    const submitter = event.submitter;
    enqueue(async () => {
      for (const f of phaseForms()) {
        if (isDirty(f) && !(await save(f))) return;
      }
      form.dataset.gridSaved = 'yes';
      form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
    });
  });

  // Shortcuts in a step's cells and header.
  list.addEventListener('keydown', (event) => {
    if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
    const code = event.code || event.key;
    if (!['ArrowLeft', 'ArrowRight', 'KeyD', 'KeyN', 'KeyZ'].includes(code)) return;
    event.preventDefault();
    if (code === 'KeyZ') return void undo();
    const column = stepOfElement(event.target);
    if (!column) return;
    if (!column.stepId) return void announce(say('notAStep'));
    const lane = event.target.closest('td') && event.target.name ? event.target.name : 'title';
    if (code === 'ArrowLeft') moveBy(column.stepId, -1, lane);
    else if (code === 'ArrowRight') moveBy(column.stepId, 1, lane);
    else addAfter(column.stepId, code === 'KeyD');
  });

  // Ctrl+Z / Cmd+Z undoes the last change when focus is not in a text field (where it undoes typing, as always).
  document.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || (event.key !== 'z' && event.key !== 'Z')) return;
    const el = event.target;
    const typing = el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'hidden'].includes(el.type)) || (el instanceof HTMLElement && el.isContentEditable);
    if (typing) return;
    event.preventDefault();
    undo();
  });

  undoButton.addEventListener('click', () => undo());

  // Leaving a phase brings its headers, numbers and handover notes up to date.
  list.addEventListener('focusout', (event) => {
    const li = event.target.closest('li.app-phase');
    if (!li || !needsRefresh || (event.relatedTarget && li.contains(event.relatedTarget))) return;
    enqueue(() => refresh());
  });

  // Leaving the page: changes still waiting are sent (keepalive) rather than lost.
  window.addEventListener('pagehide', () => {
    for (const form of phaseForms()) {
      const st = stateOf(form);
      if (st.timer === 0 && same(entriesOf(form), st.saved)) continue;
      window.clearTimeout(st.timer);
      st.timer = 0;
      post(form.action, [['_csrf', csrf()], ...entriesOf(form)]).catch(() => {});
    }
  });

  // --- dragging a step by its header ----------------------------------------------------------------------------

  let dragged = null;
  let marked = [];
  const unmark = () => {
    for (const [el, cls] of marked) el.classList.remove(cls);
    marked = [];
  };
  const mark = (el, cls) => {
    el.classList.add(cls);
    marked.push([el, cls]);
  };
  /** Marks every cell of a column (its header and the cells under it). */
  const markColumn = (th, cls) => {
    const table = th.closest('table');
    for (const row of table.rows) if (row.cells[th.cellIndex]) mark(row.cells[th.cellIndex], cls);
  };

  /** Where a drop at this point puts the dragged step: a phase and an index among its other steps. */
  function dropTarget(event) {
    const li = event.target instanceof Element ? event.target.closest('li.app-phase') : null;
    if (!li || !dragged) return null;
    const form = li.querySelector('form.app-grid-form');
    if (!form) return null;
    const others = stepColumns(form).filter((th) => th.dataset.step !== dragged);
    const cell = event.target.closest('td, th');
    const table = event.target.closest('table.app-grid');
    const phaseId = li.id.replace(/^phase-/, '');
    // On the lane names: the start of the phase.
    if (cell && table && cell.cellIndex === 0 && others.length > 0) return { phaseId, index: 0, th: others[0], after: false };
    if (cell && table && cell.cellIndex > 0) {
      const th = columnsOf(table)[cell.cellIndex - 1];
      if (th && th.dataset.step === dragged) return { phaseId, index: null, th };
      if (th && th.dataset.step) {
        const rect = cell.getBoundingClientRect();
        const after = event.clientX > rect.left + rect.width / 2;
        return { phaseId, index: others.indexOf(th) + (after ? 1 : 0), th, after };
      }
    }
    return { phaseId, index: others.length, li, end: true };
  }

  list.addEventListener('dragstart', (event) => {
    const th = event.target instanceof Element ? event.target.closest('th[data-step]') : null;
    if (!th || !event.dataTransfer) return;
    dragged = th.dataset.step;
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', stepInfo(dragged)?.title || dragged);
    markColumn(th, 'is-dragged');
  });
  list.addEventListener('dragover', (event) => {
    const target = dropTarget(event);
    if (!target) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    for (const [el, cls] of marked.slice()) if (cls !== 'is-dragged') el.classList.remove(cls);
    marked = marked.filter(([, cls]) => cls === 'is-dragged');
    if (target.index === null) return;
    if (target.end) mark(target.li, 'is-drop-end');
    else markColumn(target.th, target.after ? 'is-drop-after' : 'is-drop-before');
  });
  list.addEventListener('drop', (event) => {
    const target = dropTarget(event);
    const stepId = dragged;
    dragged = null;
    unmark();
    if (!target || target.index === null) return;
    event.preventDefault();
    place(stepId, target.phaseId, target.index);
  });
  list.addEventListener('dragend', () => {
    dragged = null;
    unmark();
  });

  // --- start ----------------------------------------------------------------------------------------------------

  for (const li of phaseItems()) remember(li);
  enhance();
  bar.classList.add('is-active');
  undoButton.hidden = false;
  updateUndo();
  const keys = document.getElementById('grid-keys');
  if (keys) keys.hidden = false;
})();
