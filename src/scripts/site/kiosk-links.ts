// Every page: in a tab in kiosk mode (a shared tablet), links to test and evaluation pages carry
// `?kiosk`, so the address a participant opens says the mode the page runs in (kiosk-tab.ts). A
// page shown again from the back-forward cache may have been written before the tab entered kiosk
// mode: its links are looked at again.
import { keepKioskInLinks } from '../assessment/kiosk-tab.ts';

keepKioskInLinks();
addEventListener('pageshow', (e: PageTransitionEvent) => {
  if (e.persisted) keepKioskInLinks();
});
