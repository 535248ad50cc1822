import { budgetForecast, humanizeMs } from './forecast';

const DAY = 86_400_000;

describe('budgetForecast', () => {
  it('gives remaining × window / rate for each rate', () => {
    const [h1, h6] = budgetForecast({ remaining: 0.5, burnRate1h: 2, burnRate6h: 1 }, 30 * DAY);
    expect(h1).toEqual({ label: 'At the 1h burn rate', ms: 7.5 * DAY, text: 'Runs out in 7d 12h' });
    expect(h6).toEqual({ label: 'At the 6h burn rate', ms: 15 * DAY, text: 'Runs out in 15d' });
  });

  it('tells never, exhausted and unknown apart', () => {
    expect(budgetForecast({ remaining: 0.5, burnRate1h: 0, burnRate6h: null }, DAY).map((f) => f.text)).toEqual([
      'Never at this rate',
      'Unknown (no data)',
    ]);
    expect(budgetForecast({ remaining: -0.1, burnRate1h: 3, burnRate6h: 3 }, DAY)[0].text).toBe('Already exhausted');
    expect(budgetForecast({ remaining: null, burnRate1h: 3, burnRate6h: 3 }, DAY)[0].ms).toBeNull();
  });
});

describe('humanizeMs', () => {
  it('shows the two largest units', () => {
    expect(humanizeMs(3 * DAY + 4 * 3_600_000 + 5 * 60_000)).toBe('3d 4h');
    expect(humanizeMs(5 * 3_600_000 + 12 * 60_000)).toBe('5h 12m');
    expect(humanizeMs(2 * 3_600_000)).toBe('2h');
    expect(humanizeMs(8 * 60_000)).toBe('8m');
    expect(humanizeMs(10_000)).toBe('< 1m');
  });
});
