// The setup window's test alert button: a refusal from the main process (one a minute) is shown as its plain sentence.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TestAlertSection } from '../../renderer/src/setup/TestAlertSection';
import { createFakeApi } from './fakeApi';

it('shows the main process\'s plain refusal when a test alert went out less than a minute ago', async () => {
  const refused = 'A test alert was sent less than a minute ago. Please wait 42 seconds and try again.';
  const api = createFakeApi({ sendTestAlert: async () => ({ results: [], refused }) });
  render(<TestAlertSection api={api} contactName="Dave" />);
  await userEvent.setup().click(screen.getByRole('button', { name: 'Send a test alert' }));
  expect(await screen.findByRole('status')).toHaveTextContent(refused);
  expect(screen.queryByText(/No way to reach Dave/)).toBeNull();
});
