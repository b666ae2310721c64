// On a phone the main menu is one line that scrolls sideways (global.css). Chrome scrolls a link
// the keyboard takes into view only when none of it shows: a link cut at the screen's edge kept
// the focus with a few pixels of it on screen. This brings the whole link, and its focus ring,
// into the menu's view, in either direction (left to right and right to left).
const MARGIN = 8;

for (const nav of document.querySelectorAll<HTMLElement>('.site-header .main-nav')) {
  nav.addEventListener('focusin', (e) => {
    const link = e.target as HTMLElement;
    if (nav.scrollWidth <= nav.clientWidth) return;
    const box = nav.getBoundingClientRect();
    const r = link.getBoundingClientRect();
    if (r.right + MARGIN > box.right) nav.scrollBy({ left: r.right + MARGIN - box.right, behavior: 'instant' });
    else if (r.left - MARGIN < box.left) nav.scrollBy({ left: r.left - MARGIN - box.left, behavior: 'instant' });
  });
}

export {};
