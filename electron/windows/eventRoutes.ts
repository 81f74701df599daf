// Which of the app's windows each renderer event goes to, and whether the dashboard comes forward for it. The covers
// show only the interruption, so they get only that: no status, warning or PIN prompt ever reaches a cover.
import type { EventName } from '../../shared/api';

export interface EventRoute {
  dashboard: boolean;
  covers: boolean;
  /** The dashboard is shown and brought forward (a page the person asked for, or a warning they clicked). */
  bringForward: boolean;
}

const ROUTES: Record<EventName, EventRoute> = {
  status: { dashboard: true, covers: false, bringForward: false },
  interruption: { dashboard: true, covers: true, bringForward: false },
  warning: { dashboard: true, covers: false, bringForward: true },
  showPage: { dashboard: true, covers: false, bringForward: true },
  protectedAction: { dashboard: true, covers: false, bringForward: true },
};

export const routeOf = (name: EventName): EventRoute => ROUTES[name];
