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
});
