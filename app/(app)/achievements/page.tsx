import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/session';
import { getProfile } from '@/lib/account/reads';
import { listAchievements } from '@/lib/progress/reads';
import { activeStreak } from '@/lib/domain/streaks';
import { toDayKey } from '@/lib/domain/days';
import { formatDayLong } from '@/lib/bankroll/chart-series';

export const metadata: Metadata = { title: 'Achievements' };

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

export default async function AchievementsPage() {
  const user = await requireUser();
  const [profile, achievements] = await Promise.all([getProfile(user.id), listAchievements(user.id)]);
  const today = toDayKey(new Date());
  const current = activeStreak({ current: profile.streakCurrent, longest: profile.streakLongest, lastActionOn: profile.lastActionOn }, today);
  const unlocked = achievements.filter((a) => a.unlockedAt).length;

  return (
    <>
      <h1>Achievements</h1>
      <section className="grid" aria-label="Streak">
        <div className="card">
          <p className="stat-label">Current streak</p>
          <p className="stat" data-testid="streak-current">
            {days(current)}
          </p>
          <p className="hint">Days in a row with a balance update, deposit or withdrawal (UTC days).</p>
        </div>
        <div className="card">
          <p className="stat-label">Longest streak</p>
          <p className="stat" data-testid="streak-longest">
            {days(profile.streakLongest)}
          </p>
        </div>
        <div className="card">
          <p className="stat-label">Unlocked</p>
          <p className="stat">
            {unlocked} of {achievements.length}
          </p>
        </div>
      </section>

      <h2>All achievements</h2>
      <ul style={{ listStyle: 'none', padding: 0, display: 'grid', gap: '.75rem', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 260px), 1fr))' }}>
        {achievements.map((a) => (
          <li key={a.code} className="card" data-testid={`achievement-${a.code}`} style={a.unlockedAt ? undefined : { borderStyle: 'dashed' }}>
            <h3 style={{ margin: '0 0 .25rem' }}>{a.name}</h3>
            <p style={{ margin: '0 0 .25rem' }}>{a.description}</p>
            <p className={a.unlockedAt ? 'positive' : 'muted'} style={{ margin: 0 }}>
              {a.unlockedAt ? `Unlocked on ${formatDayLong(a.unlockedAt.slice(0, 10))}` : 'Locked'}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
