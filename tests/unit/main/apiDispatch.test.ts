// The transport-neutral dispatch: unknown methods, bad inputs and bad outputs are refused with plain messages.
import { checkedEventPayload, dispatch, isMethodName, type ApiHandlers } from '../../../electron/apiDispatch';
import type { Status } from '../../../shared/api';
import { fakeHandlers } from './fakeHandlers';
import { protectedStatus } from './fakeStatus';

const handlers = (): ApiHandlers => fakeHandlers();

describe('dispatch', () => {
  it('runs a method with its parsed input and returns the parsed output', async () => {
    const h = handlers();
    await expect(dispatch(h, 'getStatus', undefined)).resolves.toEqual(protectedStatus);
    await expect(dispatch(h, 'openExternalLink', { url: 'https://www.garda.ie/' })).resolves.toEqual({ opened: true });
    expect(h.openExternalLink).toHaveBeenCalledExactlyOnceWith({ url: 'https://www.garda.ie/' });
  });

  it('drops unknown keys from the input before the handler sees them', async () => {
    const h = handlers();
    await dispatch(h, 'openExternalLink', { url: 'https://www.garda.ie/', extra: 'x' });
    expect(h.openExternalLink).toHaveBeenCalledExactlyOnceWith({ url: 'https://www.garda.ie/' });
  });

  it.each(['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty', ''])('refuses the unknown method %j', async (name) => {
    await expect(dispatch(handlers(), name, undefined)).rejects.toThrow(`Pause Guard has no method called ${JSON.stringify(name)}.`);
  });

  it('shortens a very long unknown name in its message', async () => {
    const error = await dispatch(handlers(), 'x'.repeat(10_000), undefined).catch((e: unknown) => e as Error);
    expect((error as Error).message.length).toBeLessThan(200);
  });

  it.each([
    ['getStatus', { sneaky: true }],
    ['getStatus', 'status please'],
    ['openExternalLink', undefined],
    ['openExternalLink', null],
    ['openExternalLink', { url: 5 }],
    ['openExternalLink', { url: 'not a url' }],
    ['openExternalLink', { url: `https://www.garda.ie/${'a'.repeat(3000)}` }],
    ['openExternalLink', ['https://www.garda.ie/']],
  ])('refuses %s called with %j, naming the method, without calling it', async (name, input) => {
    const h = handlers();
    await expect(dispatch(h, name, input)).rejects.toThrow(new RegExp(`^"${name}" was called with input Pause Guard cannot accept \\(.+\\)\\.$`));
    expect(h.getStatus).not.toHaveBeenCalled();
    expect(h.openExternalLink).not.toHaveBeenCalled();
  });

  it('refuses a handler answer that breaks the contract', async () => {
    const h = { ...handlers(), getStatus: async () => ({ ...protectedStatus, state: 'fine' }) as unknown as Status };
    await expect(dispatch(h, 'getStatus', undefined)).rejects.toThrow(/^"getStatus" produced an answer that does not match the contract \(state: /);
  });

  it('passes a handler failure through', async () => {
    const h = { ...handlers(), getStatus: async () => Promise.reject(new Error('engine stopped')) };
    await expect(dispatch(h, 'getStatus', undefined)).rejects.toThrow('engine stopped');
  });
});

describe('isMethodName', () => {
  it('knows exactly the contract methods', () => {
    expect(isMethodName('getStatus')).toBe(true);
    expect(isMethodName('openExternalLink')).toBe(true);
    expect(isMethodName('valueOf')).toBe(false);
  });
});

describe('checkedEventPayload', () => {
  it('returns a valid payload', () => {
    expect(checkedEventPayload('status', protectedStatus)).toEqual(protectedStatus);
  });

  it('throws on a payload that breaks the contract', () => {
    expect(() => checkedEventPayload('showPage', 'made-up' as never)).toThrow(/^The "showPage" event does not match the contract/);
  });
});
