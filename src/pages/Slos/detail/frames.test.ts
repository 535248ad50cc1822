import { FieldType, toDataFrame } from '@grafana/data';
import { lastValueOf } from './frames';

const frame = (refId: string, values: Array<number | null>) =>
  toDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: values.map((_, i) => i) },
      { name: 'Value', type: FieldType.number, values },
    ],
  });

describe('lastValueOf', () => {
  it('reads the last finite value of the query', () => {
    expect(lastValueOf([frame('a', [1, 2]), frame('b', [0.5, null, NaN])], 'b')).toBe(0.5);
  });

  it('is null without data', () => {
    expect(lastValueOf(undefined, 'a')).toBeNull();
    expect(lastValueOf([frame('a', [])], 'a')).toBeNull();
    expect(lastValueOf([frame('a', [1])], 'x')).toBeNull();
  });
});
