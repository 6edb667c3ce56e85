// Progressive enhancement for the public journey map's step cards (narrow screens): they start closed, so the whole
// journey fits in a few screens, and two buttons open or close them all; the phase menu marks the phase in view. On a
// narrow screen the facts about the journey start closed too. Without JavaScript every card is open; on paper every
// card prints open (app.css).
const narrow = window.matchMedia('(max-width: 48rem)');
const cards = Array.from(document.querySelectorAll('details.app-step-card'));
const about = document.querySelector('details.app-about');

// A link to something inside a card (or the facts) keeps it open.
const target = window.location.hash ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
const holdsTarget = (el) => target !== null && el.contains(target);

for (const card of cards) {
  if (!holdsTarget(card)) card.open = false;
}
if (about && narrow.matches && !holdsTarget(about)) about.open = false;
// The facts' summary shows only on narrow screens (app.css), so a wide screen must never leave them closed.
narrow.addEventListener('change', () => {
  if (about && !narrow.matches) about.open = true;
});
if (target) target.scrollIntoView();

const tools = document.querySelector('.app-step-tools');
if (tools && cards.length > 0) {
  tools.hidden = false;
  tools.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button[data-step-cards]') : null;
    if (!button) return;
    const open = button.dataset.stepCards === 'open';
    for (const card of cards) card.open = open;
  });
}

// The phase menu sticks to the top of the screen: mark the phase under it, and keep that link in the menu's view.
const menu = document.querySelector('.app-phase-nav');
if (menu) {
  const links = Array.from(menu.querySelectorAll('a[href^="#"]'));
  const headings = links.map((link) => document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1))));
  let current = null;
  let queued = false;
  const mark = () => {
    queued = false;
    if (menu.offsetParent === null) return;
    const below = menu.getBoundingClientRect().bottom + 32;
    let index = -1;
    headings.forEach((heading, i) => {
      if (heading && heading.getBoundingClientRect().top <= below) index = i;
    });
    const link = index >= 0 ? links[index] : null;
    if (link === current) return;
    if (current) current.removeAttribute('aria-current');
    current = link;
    if (link) {
      link.setAttribute('aria-current', 'true');
      const list = link.closest('ol');
      list.scrollTo({ left: link.parentElement.offsetLeft - list.offsetLeft - 8 });
    }
  };
  const queue = () => {
    if (!queued) {
      queued = true;
      window.requestAnimationFrame(mark);
    }
  };
  window.addEventListener('scroll', queue, { passive: true });
  window.addEventListener('resize', queue);
  document.addEventListener('toggle', queue, true);
  mark();
}

// Browsers without ::details-content print a closed card's summary only: open them for printing, then put them back.
let closedBeforePrint = [];
window.addEventListener('beforeprint', () => {
  closedBeforePrint = cards.filter((card) => !card.open);
  if (about && !about.open) closedBeforePrint.push(about);
  for (const el of closedBeforePrint) el.open = true;
});
window.addEventListener('afterprint', () => {
  for (const el of closedBeforePrint) el.open = false;
  closedBeforePrint = [];
});
