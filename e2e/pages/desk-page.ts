import { expect, type Locator, type Page } from '@playwright/test';

/** The team desk's sign-in page and desk strip, found by role and test id (English names unless given). */
export class DeskPage {
  constructor(
    readonly page: Page,
    private readonly url: string,
  ) {}

  loginForm(): Locator {
    return this.page.getByTestId('desk-login');
  }

  /** Open the desk and sign in through the form; waits for the grid. */
  async signIn(name: string, password: string): Promise<void> {
    await this.page.goto(this.url);
    await this.loginForm().locator('input[name="username"]').fill(name);
    await this.loginForm().locator('input[name="password"]').fill(password);
    await this.loginForm().locator('button[type="submit"]').click();
    await expect(this.bar()).toBeVisible();
  }

  bar(): Locator {
    return this.page.getByTestId('desk-bar');
  }

  presence(): Locator {
    return this.page.getByTestId('desk-presence');
  }

  usersDialog(): Locator {
    return this.page.getByTestId('desk-users');
  }
}
