// The contract's methods answered from the guardian service, the setup service, the weekly summary and the check of this
// computer: one object for the
// tray app and the preview host alike. Only how an advice link is opened differs between them, so it is passed in.
import type { ApiHandlers } from './apiDispatch';
import type { GuardianService } from './guardian/protection/guardianService';
import type { AppServices } from './guardian/appServices';
import type { SetupService } from './guardian/setupService';

export interface ApiHandlerSources {
  guardian: GuardianService;
  setup: Pick<SetupService, 'view' | 'save' | 'testAlert'>;
  summary: Pick<AppServices, 'weeklySummary'>;
  cleanup: AppServices['cleanup'];
  openExternalLink: ApiHandlers['openExternalLink'];
}

export function createApiHandlers({ guardian, setup, summary, cleanup, openExternalLink }: ApiHandlerSources): ApiHandlers {
  return {
    getStatus: async () => guardian.status(),
    openExternalLink,
    getInterruption: async () => guardian.interruption(),
    choose: (request) => guardian.choose(request),
    closeInterruption: ({ id }) => guardian.closeInterruption(id),
    confirmProtectedAction: ({ request, secret }) => guardian.confirmProtectedAction(request, secret),
    getSetup: (unlock) => setup.view(unlock),
    saveSetup: (input) => setup.save(input),
    sendTestAlert: () => setup.testAlert(),
    getWeeklySummary: ({ week }) => summary.weeklySummary(week),
    checkComputer: () => cleanup.view(),
    cleanUpStep: ({ stepId, secret, runningConfirmed }) => cleanup.run({ stepId, pin: secret, runningConfirmed }),
  };
}
