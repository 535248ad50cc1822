import React from 'react';
import { InternalTimeZones, getTimeZones } from '@grafana/data';
import { InlineField, Stack, Text, TimeZonePicker } from '@grafana/ui';
import { isValidTimeZone } from '../../../../domain/slo/validate';

// Only Grafana's "utc" of its internal zones: "browser" and "" (default) mean different zones to different
// viewers, and the domain accepts IANA names only. Module-level so getTimeZones' memoisation hits.
const INTERNAL = [InternalTimeZones.utc];

/** The IANA name to store for what the picker gave, or undefined to keep the current value. */
export function toIanaZone(picked: string | undefined): string | undefined {
  if (picked === InternalTimeZones.utc) {
    return 'UTC';
  }
  return picked && isValidTimeZone(picked) ? picked : undefined;
}

/** Whether the picker can show `tz` as selected (it lists zones that have a country, plus its "utc"). */
function isListed(tz: string): boolean {
  const lower = tz.toLowerCase();
  return getTimeZones(INTERNAL).some((z) => z.toLowerCase() === lower);
}

interface Props {
  value: string;
  onChange: (timeZone: string) => void;
  readOnly: boolean;
}

/** The calendar window's time zone, always stored as an IANA name such as "UTC" or "Europe/Berlin". */
export function TimeZoneField({ value, onChange, readOnly }: Props) {
  return (
    <Stack gap={1} alignItems="center">
      <InlineField label="Time zone" disabled={readOnly}>
        <TimeZonePicker
          inputId="sre-slo-time-zone"
          width={30}
          includeInternal={INTERNAL}
          value={value}
          disabled={readOnly}
          onChange={(picked) => {
            const tz = toIanaZone(picked);
            if (tz !== undefined) {
              onChange(tz);
            }
          }}
        />
      </InlineField>
      {/* Zones loaded from YAML, such as "Etc/UTC", can be valid but missing from the picker's list. */}
      {value.trim() !== '' && !isListed(value.trim()) && (
        <Text color="secondary" variant="bodySmall">
          Current: {value}
        </Text>
      )}
    </Stack>
  );
}
