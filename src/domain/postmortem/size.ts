/**
 * How big one postmortem event may be. Grafana's annotation API (pkg/api/annotations.go, PostAnnotation) checks
 * no size; the limit is the database column. pkg/services/sqlstore/migrations/annotation_mig.go declares `text`
 * and `data` as DB_Text, which the MySQL dialect (pkg/services/sqlstore/migrator/mysql_dialect.go) creates as
 * `TEXT CHARACTER SET utf8mb4`: at most 65,535 bytes. SQLite and PostgreSQL accept far more, but a postmortem
 * must survive a move to MySQL, where a longer value is refused (strict mode) or silently cut (which corrupts the
 * JSON). So the smallest backend's limit applies everywhere.
 *
 * `data` is stored as Grafana re-serialises it (pkg/components/simplejson: Go's json.Marshal), which escapes
 * `<`, `>` and `&` as \u003c etc. (6 bytes, not 1) and U+2028/U+2029 as \u2028 (6 bytes, not 3). The byte count
 * below is of that serialisation, in UTF-8, so a section full of `<` is measured as stored.
 */
import type { PostmortemEvent } from './events';

/** The largest annotation `data` (and `text`) Grafana can store on every supported database, in bytes. */
export const MAX_ANNOTATION_DATA_BYTES = 65_535;

/** UTF-8 bytes of `value` serialised as Grafana stores annotation `data` (Go's json.Marshal). */
export function storedJsonBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  let bytes = 0;
  for (const ch of json) {
    const cp = ch.codePointAt(0)!;
    if (ch === '<' || ch === '>' || ch === '&' || cp === 0x2028 || cp === 0x2029) {
      bytes += 6;
    } else if (cp < 0x80) {
      bytes += 1;
    } else if (cp < 0x800) {
      bytes += 2;
    } else if (cp < 0x10000 && (cp < 0xd800 || cp > 0xdfff)) {
      bytes += 3;
    } else if (cp >= 0x10000) {
      bytes += 4;
    } else {
      // A lone surrogate: JSON.stringify writes it as a \udXXX escape, so this branch is unreachable; 3 is safe.
      bytes += 3;
    }
  }
  return bytes;
}

const n = (x: number): string => x.toLocaleString('en-US');

/**
 * Why an event is too big to store, or undefined when it fits. For section texts the message names the section
 * (its title when given), its stored size and the limit.
 */
export function eventSizeProblem(event: PostmortemEvent, sectionTitle?: string): string | undefined {
  const bytes = storedJsonBytes(event);
  if (bytes <= MAX_ANNOTATION_DATA_BYTES) {
    return undefined;
  }
  const limit = `Grafana stores at most ${n(MAX_ANNOTATION_DATA_BYTES)} bytes per annotation`;
  if (event.type === 'section_edited' || event.type === 'amended') {
    const name = sectionTitle ?? event.section;
    return (
      `Section "${name}" is ${n(bytes)} bytes when saved; ${limit}. ` +
      'Shorten it, or move long material such as logs to a linked document.'
    );
  }
  return `This ${event.type.replace(/_/g, ' ')} event is ${n(bytes)} bytes when saved; ${limit}.`;
}
