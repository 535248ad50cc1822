import { countByStatus } from './statusCounts';

describe('countByStatus', () => {
  it('counts every status worst first, zeros included', () => {
    expect(countByStatus(['healthy', 'exhausted', 'healthy', 'no_data'])).toEqual([
      { status: 'exhausted', count: 1 },
      { status: 'burning_fast', count: 0 },
      { status: 'at_risk', count: 0 },
      { status: 'healthy', count: 2 },
      { status: 'no_data', count: 1 },
    ]);
  });

  it('shows impossible data as its own count, never as exhausted', () => {
    expect(countByStatus(['bad_data', 'healthy'])).toEqual([
      { status: 'exhausted', count: 0 },
      { status: 'burning_fast', count: 0 },
      { status: 'at_risk', count: 0 },
      { status: 'healthy', count: 1 },
      { status: 'bad_data', count: 1 },
      { status: 'no_data', count: 0 },
    ]);
  });
});
