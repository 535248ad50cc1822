/**
 * @jest-environment jsdom
 *
 * jsdom only for DOMParser: the XSS tests parse the generated HTML the way a browser would.
 */
import { at, declared, ev, T0 } from './__fixtures__/events';
import {
  describeEvent,
  eventAnnotation,
  eventTags,
  incidentAnnotation,
  incidentAnnotationText,
  incidentIdFromTags,
  incidentTags,
  sanitizeTagValue,
} from './annotations';
import type { IncidentEvent } from './events';
import { foldIncident } from './fold';
import type { Incident } from './model';

const fold = (...events: IncidentEvent[]): Incident => foldIncident(events).incident!;

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(1)</script>';

/** Every element and attribute a browser would build from `html`. */
function parsed(html: string): { tags: string[]; attributes: string[]; hrefs: string[]; text: string } {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  const elements = Array.from(body.querySelectorAll('*'));
  return {
    tags: Array.from(new Set(elements.map((e) => e.tagName.toLowerCase()))).sort(),
    attributes: Array.from(new Set(elements.flatMap((e) => e.getAttributeNames()))).sort(),
    hrefs: elements.filter((e) => e.hasAttribute('href')).map((e) => e.getAttribute('href')!),
    text: body.textContent ?? '',
  };
}

describe('tags', () => {
  it('tags the incident with its id, severity, status, services and SLOs', () => {
    const incident = fold(declared({ services: ['checkout', 'cart'], sloIds: ['checkout-avail'] }));
    expect(incidentTags(incident)).toEqual([
      'sre-incident',
      'incident:INC-1',
      'sev:2',
      'status:detected',
      'service:checkout',
      'service:cart',
      'slo:checkout-avail',
    ]);
  });

  it('sanitises user strings: no commas or control characters, trimmed, at most 100 characters', () => {
    expect(sanitizeTagValue('  check,out \n api\t')).toBe('check out api');
    expect(sanitizeTagValue(` ${'é'.repeat(150)} `)).toBe('é'.repeat(100));
    const incident = fold(declared({ services: ['a,b', ' , ', 'a b'] }));
    // 'a,b' and 'a b' collapse to one tag; ' , ' becomes empty and is dropped.
    expect(incidentTags(incident).filter((t) => t.startsWith('service:'))).toEqual(['service:a b']);
  });

  it('tags events with the event tag and the incident id', () => {
    expect(eventTags('INC-7')).toEqual(['sre-incident-event', 'incident:INC-7']);
  });

  it('reads the incident id back from tags and ignores malformed ones', () => {
    expect(incidentIdFromTags(['sre-incident', 'sev:1', 'incident:INC-20261128-ab12'])).toBe('INC-20261128-ab12');
    expect(incidentIdFromTags(['incident:<b>', 'incident:INC-2'])).toBe('INC-2');
    expect(incidentIdFromTags(['incident:', 'sre-incident'])).toBeUndefined();
    expect(incidentIdFromTags([])).toBeUndefined();
  });
});

describe('incidentAnnotationText', () => {
  it('shows title, severity, status and services, and links the incident page and Explore', () => {
    const incident = fold(declared());
    expect(incidentAnnotationText(incident, { appUrl: '/grafana/', exploreUrl: '/explore?a=1&b=2' })).toBe(
      '<b>[SEV2] Checkout errors</b><br>Status: detected<br>Services: checkout<br>' +
        '<a href="/grafana/a/sre-reliability-app/incidents/INC-1">Open incident INC-1</a> · ' +
        '<a href="/grafana/explore?a=1&amp;b=2">Logs in Explore</a>'
    );
  });

  it('keeps absolute links absolute and omits Explore when there is no Loki', () => {
    const incident = fold(declared());
    const html = incidentAnnotationText(incident, { appUrl: 'https://g.example.com' });
    expect(parsed(html).hrefs).toEqual(['https://g.example.com/a/sre-reliability-app/incidents/INC-1']);
  });

  it('makes hostile titles, summaries and service names inert', () => {
    const incident = fold(
      declared({ title: IMG, summary: SCRIPT, services: ['"><svg onload=alert(1)>'] }),
      ev('summary_changed', 11, { summary: `${SCRIPT} and ${IMG}` })
    );
    const html = incidentAnnotationText(incident, { appUrl: '', exploreUrl: '/explore?x="><script>' });
    expect(html).not.toMatch(/<img|<script|<svg/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const dom = parsed(html);
    expect(dom.tags).toEqual(['a', 'b', 'br']);
    expect(dom.attributes).toEqual(['href']);
    expect(dom.text).toContain(IMG);
    expect(dom.text).toContain(SCRIPT);
  });

  it.each(['javascript:alert(1)', '//evil.example.com', 'data:text/html,x'])('drops an Explore link to %s', (url) => {
    const html = incidentAnnotationText(fold(declared()), { appUrl: '', exploreUrl: url });
    expect(parsed(html).hrefs).toEqual(['/a/sre-reliability-app/incidents/INC-1']);
    expect(html).not.toContain(url);
  });

  it('drops the page link too when the app URL itself is unsafe', () => {
    const html = incidentAnnotationText(fold(declared()), { appUrl: 'javascript:alert(1)//' });
    expect(parsed(html).hrefs).toEqual([]);
  });
});

describe('annotation bodies', () => {
  it('spans an open incident from impact start to now, and a resolved one to resolution', () => {
    const open = fold(declared());
    expect(incidentAnnotation(open, { appUrl: '' }, at(20))).toMatchObject({ time: T0, timeEnd: at(20) });
    const resolved = fold(declared(), ev('resolved', 40, {}));
    expect(incidentAnnotation(resolved, { appUrl: '' }, at(90))).toMatchObject({
      time: T0,
      timeEnd: at(40),
      tags: expect.arrayContaining(['status:resolved']),
    });
  });

  it('stores the event in data and makes hostile note text inert', () => {
    const note = ev('note', 12, { kind: 'debugging', text: `${IMG} ${SCRIPT}` }, { author: '<b>mallory</b>' });
    const body = eventAnnotation(note);
    expect(body.time).toBe(at(12));
    expect(body.tags).toEqual(['sre-incident-event', 'incident:INC-1']);
    expect(body.data).toBe(note);
    expect(body.text).not.toMatch(/<img|<script|<b>mallory/i);
    const dom = parsed(body.text);
    expect(dom.tags).toEqual(['i']);
    expect(dom.attributes).toEqual([]);
    expect(dom.text).toBe(`Note (debugging): ${IMG} ${SCRIPT} (<b>mallory</b>, INC-1)`);
  });
});

describe('describeEvent', () => {
  it.each<{ event: IncidentEvent; text: string }>([
    { event: ev('severity_changed', 1, { from: 3, to: 1 }), text: 'Severity SEV3 → SEV1' },
    { event: ev('severity_changed', 1, { to: 2 }), text: 'Severity set to SEV2' },
    {
      event: ev('role_assigned', 1, { role: 'commander', from: { login: 'bob' }, to: { login: 'erin', name: 'Erin' } }),
      text: 'Incident commander: bob → Erin',
    },
    {
      event: ev('role_assigned', 1, { role: 'commsLead', from: { login: 'bob' }, to: null }),
      text: 'Communication lead unassigned (was bob)',
    },
    { event: ev('status_changed', 1, { to: 'mitigating', reason: 'rollback' }), text: 'Status → mitigating: rollback' },
    { event: ev('status_update', 1, { audience: 'external', message: 'Fixed' }), text: 'External update: Fixed' },
    { event: ev('reopened', 1, { reason: 'errors again' }), text: 'Reopened: errors again' },
  ])('describes as $text', ({ event, text }) => {
    expect(describeEvent(event)).toBe(text);
  });
});
