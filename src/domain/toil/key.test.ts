import { taskKey } from './key';

describe('taskKey', () => {
  it('groups the wordings of one task', () => {
    const key = taskKey('Restart payments pod');
    expect(taskKey('restart the payments-pod 7f9c8d')).toBe(key);
    expect(taskKey('RESTART payments pods (INC-42)')).toBe(key);
    expect(taskKey('  restart   payments pod  ')).toBe(key);
  });

  it('keeps short names with digits that identify a thing, not an occurrence', () => {
    expect(taskKey('restart s3 proxy')).not.toBe(taskKey('restart ec2 proxy'));
    expect(taskKey('upgrade k8s nodes')).toBe('upgrade k8s node');
  });

  it('does not strip words ending in ss or us', () => {
    expect(taskKey('check status of access')).toBe('check status access');
  });

  it('keys a task made only of numbers on its own text, not on the empty key', () => {
    expect(taskKey('1234')).toBe('1234');
    expect(taskKey('1234')).not.toBe(taskKey('5678'));
  });

  it('treats full-width and composed characters like their plain forms', () => {
    expect(taskKey('Ｒｅｓｔａｒｔ café')).toBe(taskKey('restart cafe\u0301'));
  });
});
