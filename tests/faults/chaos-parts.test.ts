/**
 * The chaos runner's own parts, without servers: the leak scanner does flag what it must (a check
 * that never fires proves nothing), the no-JS form parser finds React's action fields, the
 * latency summary is right.
 */
import { describe, expect, it } from 'vitest';
import { findForm, formBody } from '@/scripts/chaos/forms';
import { LeakScanner, type Identity } from '@/scripts/chaos/leaks';
import { percentile, summarize } from '@/scripts/chaos/stats';

const alice: Identity = { index: 0, tag: 'cu0xabc', email: 'cu0xabc@faults.example.com', holdingName: 'Site cu0xabc', amountText: '$10,000.37', token: 'tok-alice-123' };
const bob: Identity = { index: 1, tag: 'cu1xdef', email: 'cu1xdef@faults.example.com', holdingName: 'Site cu1xdef', amountText: '$15,000.38', token: 'tok-bob-456' };

describe('LeakScanner', () => {
  it("flags another user's marker, balance or token in a per-user page, not the viewer's own", () => {
    const scanner = new LeakScanner([alice, bob]);
    scanner.scan(bob, '/dashboard', `<p>${bob.email}</p><p>${bob.amountText}</p>`, false);
    expect(scanner.findings).toEqual([]);
    scanner.scan(bob, '/dashboard', `<p>${bob.email}</p><td>chaos ${alice.tag} w3</td>`, false);
    scanner.scan(bob, '/dashboard', `<p>${alice.amountText}</p>`, false);
    scanner.scan(null, '/dashboard', `token=${alice.token}`, false);
    expect(scanner.findings.map((f) => f.kind)).toEqual(['other user data', 'other user data', 'session token in a body']);
    expect(scanner.scanned).toBe(4);
  });

  it('flags any user data or signed-in text on a shared page, even the viewer\'s own', () => {
    const scanner = new LeakScanner([alice, bob]);
    scanner.scan(alice, '/articles/x', '<h1>Bankroll basics</h1><p>Checking your reading list…</p>', true);
    expect(scanner.findings).toEqual([]);
    scanner.scan(alice, '/articles/x', `<span>${alice.email}</span>`, true);
    scanner.scan(null, '/articles/x', '<span>✓ You have read this article.</span>', true);
    scanner.scan(null, '/', '<button>Sign out</button>', true);
    expect(scanner.findings.map((f) => f.kind)).toEqual(Array(3).fill('per-user data on a public page'));
  });
});

describe('no-JS Server Action forms', () => {
  // As React 19 renders a useActionState form (taken from /transfers/new)
  const html = `<form method="get" class="search"><input name="q" value=""/></form>
<form class="form" action="" encType="multipart/form-data" method="POST"><input type="hidden" name="$ACTION_REF_2"/><input type="hidden" name="$ACTION_2:0" value="{&quot;id&quot;:&quot;6092d8db&quot;,&quot;bound&quot;:&quot;$@1&quot;}"/><input type="hidden" name="$ACTION_2:1" value="[{}]"/><input type="hidden" name="$ACTION_KEY" value="kb84bf"/><select id="f-type" name="type"><option value="DEPOSIT" selected="">Deposit</option></select><input id="f-date" type="date" min="2000-01-01" max="2026-11-22" required="" name="date" value="2026-11-22"/><input id="f-amount" inputMode="decimal" required="" name="amount" value=""/></form>`;

  it('finds the action form and its hidden fields, decoded, and the visible defaults', () => {
    const form = findForm(html, 'amount');
    expect(form?.hidden).toEqual([
      ['$ACTION_REF_2', ''],
      ['$ACTION_2:0', '{"id":"6092d8db","bound":"$@1"}'],
      ['$ACTION_2:1', '[{}]'],
      ['$ACTION_KEY', 'kb84bf'],
    ]);
    expect(form?.values).toMatchObject({ date: '2026-11-22', amount: '' });
    const body = formBody(form!, { amount: '12.34' });
    expect([...body.keys()]).toEqual(['$ACTION_REF_2', '$ACTION_2:0', '$ACTION_2:1', '$ACTION_KEY', 'amount']);
  });

  it('ignores forms without an action reference or without the field', () => {
    expect(findForm(html, 'nothing')).toBeNull();
    expect(findForm('<form><input name="amount" value=""/></form>', 'amount')).toBeNull();
  });
});

describe('latency summary', () => {
  it('nearest-rank percentiles, errors and 5xx counted', () => {
    const ms = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(ms, 0.5)).toBe(50);
    expect(percentile(ms, 0.99)).toBe(99);
    const s = summarize('x', [
      { phase: 'x', instance: 'A', op: 'a', status: 200, ms: 10 },
      { phase: 'x', instance: 'B', op: 'a', status: 503, ms: 30 },
      { phase: 'x', instance: 'B', op: 'a', status: 0, ms: 15000, error: 'TimeoutError' },
    ]);
    expect(s).toMatchObject({ requests: 3, errors: 1, status5xx: 1, p50: 30, max: 15000 });
  });
});
