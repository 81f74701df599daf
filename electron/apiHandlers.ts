// The contract's methods answered from the guardian service and the setup service: one object for the tray app and the
// preview host alike. Only how an advice link is opened differs between them, so it is passed in.
import type { ApiHandlers } from './apiDispatch';
import type { GuardianService } from './guardian/guardianService';
import type { SetupService } from './guardian/setupService';

export interface ApiHandlerSources {
  guardian: GuardianService;
  setup: Pick<SetupService, 'view' | 'save' | 'testAlert'>;
  openExternalLink: ApiHandlers['openExternalLink'];
}

export function createApiHandlers({ guardian, setup, openExternalLink }: ApiHandlerSources): ApiHandlers {
  return {
    getStatus: async () => guardian.status(),
    openExternalLink,
    getInterruption: async () => guardian.interruption(),
    choose: (request) => guardian.choose(request),
    closeInterruption: ({ id }) => guardian.closeInterruption(id),
    confirmProtectedAction: ({ request, secret }) => guardian.confirmProtectedAction(request, secret),
    getSetup: () => setup.view(),
    saveSetup: (input) => setup.save(input),
    sendTestAlert: () => setup.testAlert(),
  };
}
