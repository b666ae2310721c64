import DeckKey from './DeckKey.astro';
import DeckNotes from './DeckNotes.astro';
import DeckOmit from './DeckOmit.astro';
import DeckSession from './DeckSession.astro';
import DeckSlide from './DeckSlide.astro';
import DeckWorkflow from './DeckWorkflow.astro';
import { forSiteEdition, mdxComponents } from './mdx.ts';

/**
 * The components map of the slides page: the module page's renderers, with slides reduced to
 * their marked bodies, speaker notes as the speaker view reads them, diagrams without the
 * simulator, and the material that is not shown on a screen left out.
 */
export const deckComponents = forSiteEdition({
  ...mdxComponents,
  Session: DeckSession,
  Slide: DeckSlide,
  SpeakerNotes: DeckNotes,
  Workflow: DeckWorkflow,
  Activity: DeckOmit,
  CaseStudy: DeckOmit,
  // A key on a slide would be projected to the room: left out there, shown in its speaker notes.
  FacilitatorKey: DeckKey,
  Handout: DeckOmit,
  JobAid: DeckOmit,
  TrainerNote: DeckOmit,
});
