// Which window gets which event: the covers get only the interruption (never a status with tool paths, a warning or a
// PIN prompt), the dashboard gets everything, and comes forward for what the person asked for or clicked.
import { describe, expect, it } from 'vitest';
import { eventNames } from '../../../shared/apiNames';
import { routeOf } from '../../../electron/windows/eventRoutes';

describe('routeOf', () => {
  it('sends only the interruption to the cover windows', () => {
    expect(eventNames.filter((name) => routeOf(name).covers)).toEqual(['interruption']);
  });

  it('sends every event to the dashboard, and brings it forward for a page, a warning or a PIN prompt only', () => {
    expect(eventNames.every((name) => routeOf(name).dashboard)).toBe(true);
    expect(eventNames.filter((name) => routeOf(name).bringForward)).toEqual(['warning', 'showPage', 'protectedAction']);
  });
});
