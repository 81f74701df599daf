// The status as it is now: asked for once, then replaced by every `status` event the engine pushes.
import { useEffect, useState } from 'react';
import type { PauseGuardApi, Status } from '../../../shared/api';

export type LiveStatus = { kind: 'loading' } | { kind: 'ready'; status: Status } | { kind: 'unavailable'; reason: string };

export function useLiveStatus(api: PauseGuardApi): LiveStatus {
  const [live, setLive] = useState<LiveStatus>({ kind: 'loading' });
  useEffect(() => {
    let pushed = false;
    let active = true;
    const unsubscribe = api.on('status', (status) => {
      pushed = true;
      setLive({ kind: 'ready', status });
    });
    api.getStatus(undefined).then(
      (status) => {
        // A pushed status is newer than the answer to a call made before it arrived.
        if (active && !pushed) setLive({ kind: 'ready', status });
      },
      (error: unknown) => {
        if (active && !pushed) setLive({ kind: 'unavailable', reason: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      active = false;
      unsubscribe();
    };
  }, [api]);
  return live;
}
