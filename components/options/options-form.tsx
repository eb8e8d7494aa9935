import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { getDb } from '@/lib/store/db';
import { askForSweep } from '@/lib/core/messages';
import { SEVERITIES } from '@/lib/core/model';
import { isConsole } from '@/lib/core/portals';
import { platformName, vendorDisplayName } from '@/lib/store/vendors';
import { ALERT_KINDS, type AlertKind, type Policy, type Threshold } from '@/lib/alerts/policy';
import { loadPolicy, savePolicy } from '@/lib/alerts/settings';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const RULE_LABELS: Record<AlertKind, string> = {
  'vendor-quiet': 'Vendor quiet too long',
  'waiting-on-you': 'Waiting on you too long',
  'not-observed': 'Case not observed recently (our data is old)',
  'first-response-late': 'First response later than the vendor target',
  'vendor-clock': 'Vendor is about to auto-resolve or close',
};

function ThresholdInput({
  label,
  value,
  onChange,
  optional,
}: {
  label: string;
  value: Threshold | undefined;
  onChange: (t: Threshold | undefined) => void;
  optional?: boolean;
}) {
  const unit = value && 'businessHours' in value ? 'hours' : 'days';
  const amount = value ? ('businessHours' in value ? value.businessHours : value.businessDays) : '';
  const set = (n: string, u: string) => {
    if (n === '' && optional) return onChange(undefined);
    const num = Number(n);
    onChange(u === 'hours' ? { businessHours: num } : { businessDays: Math.round(num) });
  };
  return (
    <label className="threshold">
      <span>{label}</span>
      <input
        type="number"
        min={0}
        step="any"
        value={amount}
        placeholder={optional ? 'default' : undefined}
        aria-label={`${label} amount`}
        onChange={(e) => set(e.target.value, unit)}
      />
      <select aria-label={`${label} unit`} value={unit} onChange={(e) => set(String(amount || 1), e.target.value)}>
        <option value="days">business days</option>
        <option value="hours">business hours</option>
      </select>
    </label>
  );
}

/** What each part of the alert settings gets: the policy being edited and a way to change it. */
interface PolicyFieldsProps {
  policy: Policy;
  update: (patch: Partial<Policy>) => void;
}

/** Every zone the browser knows (IANA names), with the stored one kept even if this browser lacks it. */
function timeZones(current: string): string[] {
  const known = Intl.supportedValuesOf('timeZone');
  return known.includes(current) ? known : [current, ...known];
}

/** Working days, hours, time zone and holidays: what "business time" means. */
function WorkingTimeFields({ policy, update }: PolicyFieldsProps) {
  return (
    <fieldset>
      <legend>Working time</legend>
      <div className="weekdays" role="group" aria-label="Working days">
        {WEEKDAYS.map((d, i) => (
          <label key={d}>
            <input
              type="checkbox"
              checked={policy.workingDays.includes(i)}
              onChange={(e) =>
                update({
                  workingDays: e.target.checked
                    ? [...policy.workingDays, i].sort()
                    : policy.workingDays.filter((x) => x !== i),
                })
              }
            />
            {d}
          </label>
        ))}
      </div>
      <label>
        Working hours from{' '}
        <input
          type="time"
          value={policy.workingHours.start}
          onChange={(e) => update({ workingHours: { ...policy.workingHours, start: e.target.value } })}
        />
      </label>
      <label>
        {' '}
        to{' '}
        <input
          type="time"
          value={policy.workingHours.end}
          onChange={(e) => update({ workingHours: { ...policy.workingHours, end: e.target.value } })}
        />
      </label>
      <label className="block">
        Time zone{' '}
        <select value={policy.timeZone} onChange={(e) => update({ timeZone: e.target.value })}>
          {timeZones(policy.timeZone).map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll('_', ' ')}
            </option>
          ))}
        </select>
      </label>
      <label className="block">
        Holidays (one YYYY-MM-DD per line)
        <textarea
          rows={4}
          value={policy.holidays.join('\n')}
          onChange={(e) => update({ holidays: e.target.value.split(/\s+/).filter(Boolean) })}
        />
      </label>
    </fieldset>
  );
}

/** Per vendor portal (overrides severity): every vendor on record, by the name the user knows it by. */
function VendorThresholds({ policy, update }: PolicyFieldsProps) {
  const vendors = useLiveQuery(() => getDb().vendors.toArray(), []);
  if (!vendors?.length) return null;
  const named = vendors.map((v) => ({ v, name: vendorDisplayName(v) })).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <details>
      <summary>Per vendor (overrides severity)</summary>
      {named.map(({ v, name }) => (
        <ThresholdInput
          key={v.portal}
          label={platformName(v.provider) && !isConsole(v.provider) ? `${name} (${platformName(v.provider)})` : name}
          optional
          value={policy.vendorQuiet.byPortal[v.portal]}
          onChange={(t) => {
            const byPortal = { ...policy.vendorQuiet.byPortal };
            if (t) byPortal[v.portal] = t;
            else delete byPortal[v.portal];
            update({ vendorQuiet: { ...policy.vendorQuiet, byPortal } });
          }}
        />
      ))}
    </details>
  );
}

/** How long the vendor may be quiet, per severity and per vendor. */
function VendorQuietFields({ policy, update }: PolicyFieldsProps) {
  return (
    <fieldset>
      <legend>Vendor quiet for longer than</legend>
      {[...SEVERITIES, 'unknown' as const].map((sev) => (
        <ThresholdInput
          key={sev}
          label={sev === 'unknown' ? 'No severity' : sev[0]!.toUpperCase() + sev.slice(1)}
          value={policy.vendorQuiet.bySeverity[sev]}
          onChange={(t) =>
            t &&
            update({
              vendorQuiet: { ...policy.vendorQuiet, bySeverity: { ...policy.vendorQuiet.bySeverity, [sev]: t } },
            })
          }
        />
      ))}
      <VendorThresholds policy={policy} update={update} />
    </fieldset>
  );
}

/** Waiting on you, and how old our own data may get. */
function OtherLimitFields({ policy, update }: PolicyFieldsProps) {
  return (
    <fieldset>
      <legend>Other limits</legend>
      <ThresholdInput
        label="Waiting on you for longer than"
        value={policy.waitingOnYou}
        onChange={(t) => t && update({ waitingOnYou: t })}
      />
      <label className="block">
        Not observed for (calendar days){' '}
        <input
          type="number"
          min={1}
          value={policy.notObservedDays}
          onChange={(e) => update({ notObservedDays: Number(e.target.value) })}
        />
      </label>
    </fieldset>
  );
}

/** Which rules notify, quiet hours and the digest. */
function NotificationFields({ policy, update }: PolicyFieldsProps) {
  return (
    <fieldset>
      <legend>Notifications</legend>
      {ALERT_KINDS.map((k) => (
        <label key={k} className="block">
          <input
            type="checkbox"
            checked={policy.notify[k]}
            onChange={(e) => update({ notify: { ...policy.notify, [k]: e.target.checked } })}
          />
          {RULE_LABELS[k]}
        </label>
      ))}
      <label className="block">
        <input
          type="checkbox"
          checked={policy.quietHours !== null}
          onChange={(e) => update({ quietHours: e.target.checked ? { start: '20:00', end: '08:00' } : null })}
        />
        Quiet hours
      </label>
      {policy.quietHours && (
        <>
          <label>
            from{' '}
            <input
              type="time"
              value={policy.quietHours.start}
              onChange={(e) => update({ quietHours: { ...policy.quietHours!, start: e.target.value } })}
            />
          </label>
          <label>
            {' '}
            to{' '}
            <input
              type="time"
              value={policy.quietHours.end}
              onChange={(e) => update({ quietHours: { ...policy.quietHours!, end: e.target.value } })}
            />
          </label>
        </>
      )}
      <label className="block">
        One digest when more than{' '}
        <input
          type="number"
          min={1}
          value={policy.digestAbove}
          onChange={(e) => update({ digestAbove: Number(e.target.value) })}
        />{' '}
        alerts fire at once
      </label>
    </fieldset>
  );
}

/** Alerting settings: thresholds, working time, quiet hours and which rules notify; one Save for them. */
function AlertSettings() {
  const [policy, setPolicy] = useState<Policy | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => void loadPolicy(getDb()).then(setPolicy), []);
  if (!policy) return <p>Loading…</p>;
  const update = (patch: Partial<Policy>) => setPolicy({ ...policy, ...patch });
  const save = async () => {
    try {
      await savePolicy(getDb(), policy);
      await askForSweep();
      setStatus({ ok: true, text: 'Saved.' });
    } catch (error) {
      setStatus({ ok: false, text: `Not saved: ${(error as Error).message}` });
    }
  };
  return (
    <form aria-labelledby="alert-settings-title" onSubmit={(e) => (e.preventDefault(), void save())}>
      <h2 id="alert-settings-title">Alerts</h2>
      <WorkingTimeFields policy={policy} update={update} />
      <VendorQuietFields policy={policy} update={update} />
      <OtherLimitFields policy={policy} update={update} />
      <NotificationFields policy={policy} update={update} />
      <button type="submit">Save</button>
      {status && (
        <p role="status" className={status.ok ? 'saved' : 'error'}>
          {status.text}
        </p>
      )}
    </form>
  );
}

/**
 * The settings page: one component per concern, each with its own form and Save. A new concern (e.g.
 * per-portal refresh) is a sibling of AlertSettings here.
 */
export function OptionsForm() {
  return (
    <div className="options">
      <h1>Caseradar settings</h1>
      <AlertSettings />
    </div>
  );
}
