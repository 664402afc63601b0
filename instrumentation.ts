// Runs once when a server instance starts (not during `next build`).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startRatesScheduler } = await import('./lib/rates/scheduler');
    startRatesScheduler();
  }
}
