// The interruption the main process has on screen: asked for once at load, then replaced by every `interruption` event.
import { useEffect, useState } from 'react';
import type { PauseGuardApi } from '../../../shared/api';
import type { InterruptionView } from '../../../shared/interruption';

export function useInterruption(api: PauseGuardApi | null): InterruptionView | null {
  const [view, setView] = useState<InterruptionView | null>(null);
  useEffect(() => {
    if (!api) return;
    let pushed = false;
    let active = true;
    const unsubscribe = api.on('interruption', (next) => {
      pushed = true;
      setView(next);
    });
    api.getInterruption(undefined).then(
      (current) => {
        // A push is newer than the answer to a call made before it arrived.
        if (active && !pushed) setView(current);
      },
      // Nothing to show when it cannot be asked: the status page says what is wrong with the connection.
      () => undefined,
    );
    return () => {
      active = false;
      unsubscribe();
    };
  }, [api]);
  return view;
}
