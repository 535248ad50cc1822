import { INC, PREFILL, postmortem, written } from './testing/fixtures';
import { itemCounts, markdownFilename, prefillDurations, rangeFromParam, responderNames, sectionFlags } from './model';

const M = 60_000;

describe('postmortem page model', () => {
  it('reads the range from the URL, 90 days when absent or unknown', () => {
    expect(rangeFromParam(null).days).toBe(90);
    expect(rangeFromParam('bogus').days).toBe(90);
    expect(rangeFromParam('30d').days).toBe(30);
  });

  it('computes MTTx from the prefill as incident metrics do; unknown ends stay unknown', () => {
    expect(prefillDurations(PREFILL)).toEqual({
      timeToDetect: 5 * M,
      timeToAcknowledge: 5 * M,
      timeToMitigate: 40 * M,
      timeToResolve: 50 * M,
    });
    expect(prefillDurations({ ...PREFILL, detectedAt: undefined, mitigatedAt: undefined })).toMatchObject({
      timeToDetect: undefined,
      timeToAcknowledge: 10 * M,
      timeToMitigate: undefined,
    });
  });

  it('gives the blameless check every responder login and name once', () => {
    expect(responderNames(PREFILL)).toEqual(['bob', 'Bob Jones', 'carol']);
    expect(responderNames({ ...PREFILL, responders: undefined })).toEqual([]);
  });

  it('counts open and total action items', () => {
    expect(itemCounts(written())).toEqual({ open: 1, total: 1 });
    expect(itemCounts(postmortem())).toEqual({ open: 0, total: 0 });
  });

  it('collects flags per section, naming the responder as the subject', () => {
    const pm = written();
    pm.sections.find((s) => s.key === 'went_wrong')!.markdown = 'Bob Jones forgot to check the canary.';
    const flags = sectionFlags(pm, responderNames(pm.prefill));
    expect(flags.length).toBeGreaterThan(0);
    expect(flags.every((f) => f.section === 'went_wrong')).toBe(true);
  });

  it('makes a safe file name', () => {
    expect(markdownFilename(INC)).toBe('postmortem-INC-20260306-ab12.md');
    expect(markdownFilename('a/../b')).toBe('postmortem-a____b.md');
  });
});
