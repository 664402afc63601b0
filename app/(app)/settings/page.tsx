import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { CURRENCY_OPTIONS } from '@/lib/fields/form-fields';
import { requireUser } from '@/lib/auth/session';
import { getProfile } from '@/lib/account/reads';
import { CurrencyForm } from './currency-form';
import { DeleteAccountForm } from './delete-account-form';
import { ImportForm } from './import-form';
import { PasswordForm } from './password-form';
import { ThemeSetting } from './theme-setting';
import { THEME_COOKIE, parseTheme } from '@/lib/ui/theme';
import './settings.css';

export const metadata: Metadata = { title: 'Settings' };


export default async function SettingsPage() {
  const user = await requireUser();
  const [profile, jar] = await Promise.all([getProfile(user.id), cookies()]);
  return (
    <>
      <h1>Settings</h1>
      <div className="settings-sections">
        <section className="card" aria-labelledby="currency-heading">
          <h2 id="currency-heading">Display currency</h2>
          <p className="muted">Your bankroll, profit, deposits and charts are converted to this currency at the latest exchange rates. Each site and asset keeps its own currency.</p>
          <CurrencyForm current={profile.displayCurrency} options={CURRENCY_OPTIONS} />
        </section>

        <section className="card" aria-labelledby="appearance-heading">
          <h2 id="appearance-heading">Appearance</h2>
          <p className="muted">Light or dark colours on this browser; by default they follow your device&apos;s setting.</p>
          <ThemeSetting current={parseTheme(jar.get(THEME_COOKIE)?.value)} />
        </section>

        <section className="card" aria-labelledby="password-heading">
          <h2 id="password-heading">Change password</h2>
          <p className="muted">Changing it signs you out on every other device.</p>
          <PasswordForm />
        </section>

        <section className="card" aria-labelledby="export-heading">
          <h2 id="export-heading">Export your data</h2>
          <p className="muted">
            Everything you entered: sites and assets with every balance update, deposits and withdrawals, goals, achievements and the articles you
            marked as read. Amounts are exact, as you entered them.
          </p>
          <p className="actions">
            <a className="btn" href="/settings/export?format=json" download>
              Download JSON
            </a>
            <a className="btn" href="/settings/export?format=csv" download>
              Download CSV
            </a>
          </p>
          <details className="settings-format">
            <summary>About the CSV format</summary>
            <p>
              One file, one row per record. The <code>record</code> column says what a row is (<code>holding</code>, <code>snapshot</code>,{' '}
              <code>transfer</code>, <code>goal</code>, <code>achievement</code>, <code>read</code>, <code>profile</code>); each kind fills only its own
              columns. Amounts use a dot and 2 decimals (1234.50), days are YYYY-MM-DD and times ISO 8601 in UTC. Text that a spreadsheet would run as a
              formula (starting with = + - or @) is prefixed with an apostrophe; the import removes it again.
            </p>
          </details>
        </section>

        <section className="card" aria-labelledby="import-heading">
          <h2 id="import-heading">Import data</h2>
          <p className="muted">
            Adds the records of a StakeEasy export (JSON or CSV) to this account; nothing you have is changed or merged. A site or asset whose name you
            already use, or a second active goal, stops the import so you can rename or archive first. Your e-mail and display currency stay as they are.
          </p>
          <ImportForm />
        </section>

        <section className="card settings-danger" aria-labelledby="delete-heading">
          <h2 id="delete-heading">Delete account</h2>
          <p>
            This permanently deletes your account and all of its data. It cannot be undone, so consider downloading an export first.
          </p>
          <DeleteAccountForm email={user.email} />
        </section>
      </div>
    </>
  );
}
