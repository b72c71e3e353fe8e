import { describe, expect, it } from 'vitest';
import { checkScreen, openPage, signIn } from './support/browser';

describe('the console in Chromium', () => {
  it('UI-1: the console is served at / and a clerk signs in to the order desk menu', async () => {
    const page = await openPage('/');
    await expect.poll(() => page.url()).toContain('/sign-in');
    await checkScreen(page, 'sign-in');
    await signIn(page, 'store01', 'STORE-BJ-001');
    await expect.poll(() => page.getByRole('navigation').first().textContent()).toContain('营业受理');
  });
});
