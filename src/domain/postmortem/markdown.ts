/**
 * Markdown export of a postmortem: metadata, sections in template order, action items and amendments.
 * The file is pasted into wikis, tickets and repositories whose renderers may allow raw HTML, so user text must
 * not be able to inject any: `<` and `>` are escaped outside code (inside code they are already literal), links
 * and images whose URL has a scheme other than http(s) or mailto are turned into literal text, and tracker links
 * are rendered as links only for http(s) URLs. The Markdown structure comes from mdast-util-from-markdown
 * (CommonMark, with exact source offsets), not from regexes.
 */
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { isSafeHref } from '../incident/html';
import { severityLabel } from '../incident/model';
import type { ActionItem, Postmortem, Section } from './model';

/** Whether a Markdown link target is harmless: http(s), mailto, or no scheme (a relative link or an anchor). */
function isHarmlessUrl(url: string): boolean {
  // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
  const squeezed = url.replace(/[\u0000-\u0020\u007f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(squeezed);
  return scheme === null || ['http', 'https', 'mailto'].includes(scheme[1].toLowerCase());
}

interface Plan {
  /** [start, end) offsets of code spans and blocks: copied as they are. */
  code: Array<[number, number]>;
  /** Offsets before which a backslash makes a link or image literal text. */
  neutralise: Set<number>;
}

function plan(source: string): Plan {
  const out: Plan = { code: [], neutralise: new Set() };
  const visit = (node: Nodes): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) {
      if (node.type === 'code' || node.type === 'inlineCode') {
        out.code.push([start, end]);
        return;
      }
      if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !isHarmlessUrl(node.url)) {
        // `[` (or `![`) escaped makes the whole construct text; an autolink `<...>` is broken by escaping `<`.
        const bracket = source.indexOf('[', start);
        if (bracket >= 0 && bracket < end && source[start] !== '<') {
          out.neutralise.add(bracket);
        }
      }
    }
    if ('children' in node) {
      node.children.forEach((child) => visit(child as Nodes));
    }
  };
  visit(fromMarkdown(source));
  return out;
}

/**
 * User Markdown made safe to embed: raw HTML becomes text, dangerous links become text, code is untouched.
 * Blockquote markers (`>` at the start of a line) are kept, so quotes stay quotes.
 */
export function sanitizeMarkdown(source: string): string {
  const { code, neutralise } = plan(source);
  code.sort((a, b) => a[0] - b[0]);
  let out = '';
  let c = 0;
  let lineStart = true;
  for (let i = 0; i < source.length; i++) {
    while (c < code.length && code[c][1] <= i) {
      c++;
    }
    const ch = source[i];
    if (c < code.length && code[c][0] <= i) {
      out += ch;
    } else {
      if (neutralise.has(i)) {
        out += '\\';
      }
      if (ch === '<') {
        out += '&lt;';
      } else if (ch === '>' && !lineStart) {
        out += '&gt;';
      } else {
        out += ch;
      }
    }
    // Still in the line's leading run of spaces, tabs and `>` markers?
    lineStart = ch === '\n' || (lineStart && (ch === ' ' || ch === '\t' || ch === '>'));
  }
  return out;
}

/** Plain user text (a title, a name) as one line of inert Markdown: no HTML, no emphasis, no table breaks. */
export function inlineText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]|#~!]/g, (ch) => `\\${ch}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** "2026-03-06 12:00 UTC": exports are read in many time zones. */
const utc = (ms: number): string => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

const STATUS_LABEL = { open: 'Open', in_progress: 'In progress', done: 'Done', wont_do: "Won't do" } as const;

/** A tracker link as Markdown: a link for http(s) URLs, otherwise the URL as inert code text. */
export function trackerLink(url: string | undefined): string {
  if (url === undefined || url.trim() === '') {
    return '';
  }
  if (isSafeHref(url) && /^https?:\/\//i.test(url)) {
    // Angle-bracket destinations allow spaces and parentheses; `<` `>` cannot occur in a URL isSafeHref passed.
    return `[${inlineText(url.replace(/^https?:\/\//i, '').slice(0, 60))}](<${url.replace(/>/g, '%3E')}>)`;
  }
  return `\`${url.replace(/`/g, "'")}\` (not a web link)`;
}

function itemRow(item: ActionItem): string {
  const owner = item.owner ? inlineText(item.owner.name ?? item.owner.login) : 'Unassigned';
  const status =
    item.status === 'wont_do' && item.wontDoReason
      ? `${STATUS_LABEL[item.status]}: ${inlineText(item.wontDoReason)}`
      : STATUS_LABEL[item.status];
  return `| ${item.priority} | ${inlineText(item.title)} | ${item.type} | ${owner} | ${day(item.due)} | ${status} | ${trackerLink(item.trackerUrl)} |`;
}

function actionItemsTable(pm: Postmortem): string {
  if (pm.actionItems.length === 0) {
    return pm.noActionReason ? `No action items: ${inlineText(pm.noActionReason)}` : '_No action items._';
  }
  return [
    '| Priority | Action item | Type | Owner | Due | Status | Tracker |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...pm.actionItems.map(itemRow),
  ].join('\n');
}

function metadata(pm: Postmortem): string {
  const p = pm.prefill;
  const rows: Array<[string, string]> = [
    ['Incident', inlineText(pm.incidentId)],
    ['Severity', severityLabel(p.severity)],
    [
      'Status',
      pm.status === 'published' && pm.publishedAt ? `Published ${utc(pm.publishedAt)}` : pm.status.replace('_', ' '),
    ],
    ['Services', p.services.map(inlineText).join(', ') || '–'],
    ['Impact', `${utc(p.startedAt)} – ${p.resolvedAt === undefined ? 'ongoing' : utc(p.resolvedAt)}`],
  ];
  for (const b of p.budgets ?? []) {
    if (b.consumed !== undefined) {
      rows.push([
        `Error budget: ${inlineText(b.sloName ?? b.sloId)}`,
        `${Number((b.consumed * 100).toFixed(1))}% consumed`,
      ]);
    }
  }
  if (pm.reviewers.length > 0) {
    rows.push(['Reviewers', pm.reviewers.map((r) => inlineText(r.name ?? r.login)).join(', ')]);
  }
  if (pm.approvals.length > 0) {
    rows.push(['Approved by', pm.approvals.map((a) => inlineText(a.login)).join(', ')]);
  }
  if (p.exploreUrl && isSafeHref(p.exploreUrl) && /^https?:\/\//i.test(p.exploreUrl)) {
    rows.push(['Logs', `[Explore](<${p.exploreUrl.replace(/>/g, '%3E')}>)`]);
  }
  return ['| | |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
}

function section(pm: Postmortem, s: Section): string {
  const body = s.markdown.trim() === '' ? '_Not written._' : sanitizeMarkdown(s.markdown.trim());
  const parts = [`## ${inlineText(s.title)}`, body];
  if (s.key === 'action_items') {
    parts.push(actionItemsTable(pm));
  }
  return parts.join('\n\n');
}

/** The whole postmortem as one Markdown document; every piece of user text in it is inert. */
export function postmortemToMarkdown(pm: Postmortem): string {
  const parts = [`# Postmortem: ${inlineText(pm.prefill.title)}`, metadata(pm)];
  parts.push(...pm.sections.map((s) => section(pm, s)));
  if (!pm.sections.some((s) => s.key === 'action_items')) {
    parts.push('## Action items', actionItemsTable(pm));
  }
  if (pm.amendments.length > 0) {
    const titles = new Map(pm.sections.map((s) => [s.key, s.title]));
    parts.push('## Amendments');
    for (const a of pm.amendments) {
      parts.push(`### ${utc(a.at)}, ${inlineText(a.by)}: ${inlineText(titles.get(a.section) ?? a.section)}`);
      parts.push(sanitizeMarkdown(a.text.trim()));
    }
  }
  return `${parts.join('\n\n')}\n`;
}
