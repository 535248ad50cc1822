import { PAGE_SIZE, pageCountText, pageFromParam, pageOf } from './paging';

const noun = { one: 'incident', many: 'incidents' };
const numbers = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('paging', () => {
  it('reads the page from the URL, 1 for anything that is not a positive number', () => {
    expect([null, '', '0', '-3', 'x', '2.7', '3'].map(pageFromParam)).toEqual([1, 1, 1, 1, 1, 2, 3]);
  });

  it('counts the rows of the page among all, or just all when there is one page', () => {
    expect(PAGE_SIZE).toBe(50);
    expect(pageCountText(pageOf(numbers(120), 1), 120, noun)).toBe('1–50 of 120 incidents');
    expect(pageCountText(pageOf(numbers(120), 3), 120, noun)).toBe('101–120 of 120 incidents');
    expect(pageCountText(pageOf(numbers(7), 2), 7, noun)).toBe('7 incidents');
    expect(pageCountText(pageOf(numbers(1), 1), 1, noun)).toBe('1 incident');
  });
});
