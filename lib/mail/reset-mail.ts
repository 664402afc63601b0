import type { Mail } from './send';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The "reset your password" mail: the link, how long it works, and what to do if it was not you. */
export function renderResetMail(to: string, link: string, minutes: number): Mail {
  const subject = 'Reset your StakeEasy password';
  const text = [
    'Someone (hopefully you) asked to reset the password of your StakeEasy account.',
    '',
    `Choose a new password here (the link works once, for ${minutes} minutes):`,
    link,
    '',
    'Resetting signs you out everywhere. If you did not ask for this, ignore this mail: your password stays as it is.',
  ].join('\n');
  const href = escapeHtml(link);
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
<p>Someone (hopefully you) asked to reset the password of your StakeEasy account.</p>
<p><a href="${href}">Choose a new password</a>. The link works once, for ${minutes} minutes.</p>
<p style="word-break:break-all">${href}</p>
<p>Resetting signs you out everywhere. If you did not ask for this, ignore this mail: your password stays as it is.</p>
</body></html>`;
  return { to, subject, text, html };
}
