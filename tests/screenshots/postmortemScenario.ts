// The postmortem screenshots: the login outage's postmortem in review (sections written, a reviewer's approval,
// action items with one overdue P0) and three older postmortems, so the Action items view has a spread of owners,
// priorities and statuses. Stored as the app stores them: one annotation per event. Run in Node by run.ts.
import { POSTMORTEM_SCHEMA, type PostmortemEvent, postmortemEventAnnotation } from '../../src/domain/postmortem/events';
import type { ActionItemFields, PostmortemPrefill } from '../../src/domain/postmortem/model';
import type { Page } from 'playwright-core';
import { NOW } from './fixtures';
import type { FakeRequest } from './scenarios';

const M = 60_000;
const H = 60 * M;
const D = 24 * H;

/** The resolved SEV1 of the incident fixtures (fixtures.ts): its postmortem is the one the page shows. */
export const LOGIN_INCIDENT = 'INC-20261120-x3fa';

const li = { login: 'li', name: 'Li Wei' };
const dev = { login: 'dev', name: 'Dev Patel' };
const maria = { login: 'maria', name: 'Maria Lopez' };
const sam = { login: 'sam', name: 'Sam Okafor' };
const kim = { login: 'kim', name: 'Kim Larsen' };

type Distribute<E> = E extends PostmortemEvent ? Omit<E, 'schema' | 'id' | 'incidentId' | 'at' | 'author'> : never;
/** An event without what stream() stamps. */
type Payload = Distribute<PostmortemEvent>;

/** A postmortem's events, numbered in the order given; `at` and `author` per event. */
function stream(incidentId: string, list: Array<[at: number, author: string, payload: Payload]>): PostmortemEvent[] {
  return list.map(
    ([at, author, payload], k) =>
      ({
        schema: POSTMORTEM_SCHEMA,
        id: `pme-${incidentId.slice(-4)}-${String(k).padStart(3, '0')}`,
        incidentId,
        at,
        author,
        ...payload,
      }) as PostmortemEvent
  );
}

const item = (fields: Partial<ActionItemFields> & Pick<ActionItemFields, 'title' | 'due'>): ActionItemFields => ({
  type: 'prevent',
  priority: 'P2',
  status: 'open',
  ...fields,
});

const started = (prefill: PostmortemPrefill, sections: Array<{ key: string; markdown: string }> = []): Payload => ({
  type: 'started',
  prefill,
  sections,
});

const edit = (section: string, markdown: string, baseRevision = 0): Payload => ({
  type: 'section_edited',
  section,
  markdown,
  baseRevision,
});

function loginPostmortem(): PostmortemEvent[] {
  const start = NOW - 170.3 * H;
  const resolved = NOW - 168 * H;
  const t = NOW - 160 * H;
  const prefill: PostmortemPrefill = {
    title: 'Login outage after certificate rotation',
    severity: 1,
    services: ['login', 'identity-gateway'],
    sloIds: ['login-availability'],
    startedAt: start,
    detectedAt: NOW - 170.2 * H,
    acknowledgedAt: NOW - 170.1 * H,
    mitigatedAt: NOW - 169.5 * H,
    resolvedAt: resolved,
    responders: [
      { role: 'commander', user: li, from: NOW - 169.9 * H },
      { role: 'techLead', user: dev, from: NOW - 169.8 * H },
      { role: 'commsLead', user: maria, from: NOW - 169.8 * H },
    ],
    budgets: [{ sloId: 'login-availability', sloName: 'Login is up', consumed: 0.34, share: 0.2 }],
    exploreUrl: '/explore?left=%7B%22queries%22%3A%5B%7B%22expr%22%3A%22%7Bservice%3D%5C%22login%5C%22%7D%22%7D%5D%7D',
  };
  const timeline = [
    '- **2026-11-20 12:12 UTC**: Certificate rotation job replaced the leaf certificate on the edge proxies (li)',
    '- **2026-11-20 12:18 UTC**: SLO alert SLOErrorBudgetBurn (page, fast tier) fired for Login is up, until 2026-11-20 13:05 UTC',
    '- **2026-11-20 12:18 UTC**: Declared: Login outage after certificate rotation, SEV1 (li)',
    '- **2026-11-20 12:36 UTC**: Li Wei is incident commander (li)',
    '- **2026-11-20 12:41 UTC**: Note: TLS handshakes fail with "unable to get local issuer certificate" (dev)',
    '- **2026-11-20 13:00 UTC**: Impact ended (li)',
    '- **2026-11-20 14:30 UTC**: Resolved: Certificate chain fixed (li)',
  ].join('\n');
  const impact = [
    '**Impact window:** 2026-11-20 12:12 UTC – 2026-11-20 14:30 UTC (2h 18m)',
    '',
    '**Services:** login, identity-gateway',
    '',
    '- Time to detect: 6m\n- Time to acknowledge: 6m\n- Time to mitigate: 48m\n- Time to resolve: 2h 18m',
    '',
    "**Error budget consumed:**\n- Login is up: 34% of its 30d error budget, over the policy's 20% line",
  ].join('\n');
  return stream(LOGIN_INCIDENT, [
    [
      t,
      'li',
      started(prefill, [
        { key: 'timeline', markdown: timeline },
        { key: 'impact', markdown: impact },
      ]),
    ],
    [
      t + 1 * H,
      'li',
      edit(
        'summary',
        'For **48 minutes** most sign-ins failed: the certificate rotation installed a leaf certificate without its ' +
          'intermediate, so clients could not build a chain to a trusted root. Restoring the full chain ended it.'
      ),
    ],
    [
      t + 1.5 * H,
      'dev',
      edit(
        'root_causes',
        'The rotation job writes only the leaf certificate. The old bundle still carried the intermediate by ' +
          'chance; the new one did not, and nothing checked the served chain before the proxies reloaded.\n\n' +
          '**Trigger:** the scheduled rotation at 12:12 UTC.'
      ),
    ],
    [
      t + 2 * H,
      'li',
      edit(
        'detection',
        'The fast-burn alert on *Login is up* paged 6 minutes after the rotation. Synthetic checks run from one ' +
          'region only and passed, because that region still had the old certificate cached.'
      ),
    ],
    [
      t + 2.2 * H,
      'dev',
      edit(
        'resolution',
        'Rebuilt the bundle with the intermediate (`cat leaf.pem intermediate.pem`), reloaded the proxies region ' +
          'by region, then confirmed handshakes with `openssl s_client -showcerts`.'
      ),
    ],
    [
      t + 2.4 * H,
      'maria',
      edit('went_well', '- The burn-rate page fired within minutes.\n- Status updates went out every 30 minutes.'),
    ],
    [
      t + 2.6 * H,
      'li',
      edit(
        'went_wrong',
        '- The rotation job had no step that verifies the served chain.\n- The runbook still described the manual ' +
          'rotation from last year.'
      ),
    ],
    [
      t + 3 * H,
      'li',
      {
        type: 'action_item_added',
        itemId: 'ai-login-alert',
        item: item({
          title: 'Alert 14 days before any certificate in the served chain expires',
          type: 'detect',
          priority: 'P0',
          owner: li,
          due: NOW - 2 * D,
          trackerUrl: 'https://tracker.example.com/browse/SRE-412',
        }),
      },
    ],
    [
      t + 3.1 * H,
      'dev',
      {
        type: 'action_item_added',
        itemId: 'ai-login-verify',
        item: item({
          title: 'Verify the served chain with openssl before the proxies reload',
          type: 'prevent',
          priority: 'P0',
          owner: dev,
          due: NOW + 4 * D,
          trackerUrl: 'https://tracker.example.com/browse/SRE-413',
        }),
      },
    ],
    [
      t + 3.2 * H,
      'maria',
      {
        type: 'action_item_added',
        itemId: 'ai-login-synthetics',
        item: item({
          title: 'Run login synthetics from every region',
          type: 'detect',
          priority: 'P1',
          owner: maria,
          due: NOW + 10 * D,
        }),
      },
    ],
    [
      t + 3.3 * H,
      'li',
      {
        type: 'action_item_added',
        itemId: 'ai-login-runbook',
        item: item({
          title: 'Rewrite the certificate rotation runbook',
          type: 'process',
          priority: 'P2',
          due: NOW + 20 * D,
        }),
      },
    ],
    [
      NOW - 100 * H,
      'dev',
      {
        type: 'action_item_updated',
        itemId: 'ai-login-verify',
        baseRevision: 'ai-login-verify',
        changes: { status: 'in_progress' },
      },
    ],
    [NOW - 30 * H, 'maria', { type: 'action_item_closed', itemId: 'ai-login-synthetics', status: 'done' }],
    [NOW - 26 * H, 'li', { type: 'reviewer_added', reviewer: sam }],
    [NOW - 26 * H + M, 'li', { type: 'reviewer_added', reviewer: maria }],
    [NOW - 25 * H, 'li', { type: 'status_changed', from: 'draft', to: 'in_review' }],
    [NOW - 20 * H, 'sam', { type: 'approved' }],
  ]);
}

/** Older postmortems: their action items fill the Action items view (done, in progress, overdue, won't do). */
function olderPostmortems(): PostmortemEvent[] {
  const older = (
    incidentId: string,
    daysAgo: number,
    title: string,
    severity: 1 | 2 | 3 | 4,
    services: string[],
    status: 'draft' | 'published',
    items: Array<{
      id: string;
      fields: ActionItemFields;
      closed?: { daysAgo: number; status: 'done' | 'wont_do'; reason?: string };
    }>
  ) => {
    const t = NOW - daysAgo * D;
    const list: Array<[number, string, Payload]> = [
      [t, 'sam', started({ title, severity, services, startedAt: t - 4 * H, resolvedAt: t - 2 * H })],
      [t + H, 'sam', edit('summary', `${title}: what happened and what we changed.`)],
      [t + 2 * H, 'sam', edit('impact', 'Customers saw errors for part of the window.')],
      [t + 3 * H, 'sam', edit('root_causes', 'A dependency failed and nothing absorbed it.')],
    ];
    items.forEach((it, k) =>
      list.push([
        t + (4 + k) * H,
        it.fields.owner?.login ?? 'sam',
        { type: 'action_item_added', itemId: it.id, item: it.fields },
      ])
    );
    for (const it of items) {
      if (it.closed) {
        list.push([
          NOW - it.closed.daysAgo * D,
          it.fields.owner?.login ?? 'sam',
          {
            type: 'action_item_closed',
            itemId: it.id,
            status: it.closed.status,
            ...(it.closed.reason && { reason: it.closed.reason }),
          },
        ]);
      }
    }
    if (status === 'published') {
      list.push([t + 2 * D, 'sam', { type: 'status_changed', from: 'draft', to: 'in_review' }]);
      list.push([t + 3 * D, 'sam', { type: 'status_changed', from: 'in_review', to: 'published' }]);
    }
    return stream(incidentId, list);
  };
  return [
    ...older('INC-20261103-p9m2', 23.8, 'Payments webhooks delayed by a full queue', 2, ['payments'], 'published', [
      {
        id: 'ai-pay-dlq',
        fields: item({
          title: 'Move poison webhooks to a dead-letter queue',
          type: 'repair',
          priority: 'P1',
          owner: kim,
          due: NOW - 9 * D,
        }),
        closed: { daysAgo: 12, status: 'done' },
      },
      {
        id: 'ai-pay-lag',
        fields: item({
          title: 'Page on webhook queue age above 5 minutes',
          type: 'detect',
          priority: 'P1',
          owner: sam,
          due: NOW - 5 * D,
          trackerUrl: 'https://tracker.example.com/browse/PAY-88',
        }),
      },
      {
        id: 'ai-pay-vendor',
        fields: item({
          title: 'Ask the vendor for a retry budget',
          type: 'investigate',
          priority: 'P3',
          owner: kim,
          due: NOW + 12 * D,
        }),
        closed: { daysAgo: 8, status: 'wont_do', reason: 'The vendor retires this API in January.' },
      },
    ]),
    ...older('INC-20261015-k4d1', 42.7, 'Search results stale after reindex', 3, ['search'], 'published', [
      {
        id: 'ai-search-alias',
        fields: item({
          title: 'Swap index aliases only after document counts match',
          type: 'prevent',
          priority: 'P1',
          owner: sam,
          due: NOW - 20 * D,
        }),
        closed: { daysAgo: 25, status: 'done' },
      },
      {
        id: 'ai-search-freshness',
        fields: item({
          title: 'Add an index freshness SLO',
          type: 'detect',
          priority: 'P2',
          owner: dev,
          due: NOW + 6 * D,
        }),
      },
    ]),
    ...older('INC-20261118-r2tq', 9.2, 'Cart sessions lost during Redis failover', 2, ['cart'], 'draft', [
      {
        id: 'ai-cart-replica',
        fields: item({
          title: 'Enable replica reads for the session store',
          type: 'mitigate',
          priority: 'P1',
          owner: kim,
          due: NOW + 3 * D,
        }),
      },
      {
        id: 'ai-cart-drill',
        fields: item({
          title: 'Run a failover drill every quarter',
          type: 'process',
          priority: 'P3',
          due: NOW + 40 * D,
        }),
      },
    ]),
  ];
}

/** Every postmortem event as Grafana returns annotations: newest first, with ids. */
function postmortemAnnotations() {
  const events = [...loginPostmortem(), ...olderPostmortems()].sort((a, b) => b.at - a.at);
  return events.map((e, k) => ({ id: 500 + k, ...postmortemEventAnnotation(e) }));
}

/** Answers postmortem annotation queries (all of them, or one incident's by its second tag); the rest is `common`. */
export function postmortemRespond(common: (req: FakeRequest) => { status?: number; data: unknown }) {
  return (req: FakeRequest) => {
    const tags = req.search.getAll('tags');
    if (req.path === '/api/annotations' && tags.includes('sre-postmortem')) {
      return { data: postmortemAnnotations().filter((a) => tags.every((tag) => a.tags.includes(tag))) };
    }
    return common(req);
  };
}

/** Opens the "What went wrong" editor and writes a sentence the blameless check flags, as a writer would. */
export async function writeBlamingSentence(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Edit What went wrong' }).click();
  const editor = page.locator('#sre-postmortem-editor-went_wrong');
  await editor.click();
  await editor.press('Control+End');
  await editor.pressSequentially('\n- Li forgot to check the chain; human error during the rotation.', { delay: 5 });
  await page.getByText('Blameless check:').waitFor();
}
