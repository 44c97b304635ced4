/**
 * A searchable list of the IANA time zones (ARIA combobox with a listbox): type to filter
 * ("paris", "new york", "+05:30"), arrows to move, Enter to choose, Escape to leave unchanged.
 */
import { useId, useMemo, useRef, useState } from 'react';
import { zoneOffset } from '../format';
import { useT } from '../i18n/I18nProvider';
import { allTimeZones, isKnownZone } from '../timezones';

const squash = (text: string): string => text.toLowerCase().replace(/[\s_]+/g, ' ');
const MAX_SHOWN = 80;

export function TimeZoneSelect({ value, onChange }: { value: string; onChange: (zone: string) => void }) {
  const { t } = useT();
  const id = useId();
  const listId = `${id}-list`;
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const open = query !== null;

  const matches = useMemo(() => {
    if (query === null) return [];
    const q = squash(query.trim());
    const all = allTimeZones();
    const found =
      q === '' ? all : all.filter((zone) => zone.search.includes(q) || zoneOffset(zone.name).includes(q.toUpperCase()));
    return found.slice(0, MAX_SHOWN).map((zone) => zone.name);
  }, [query]);

  const choose = (zone: string | undefined): void => {
    setQuery(null);
    if (zone && zone !== value) onChange(zone);
  };

  return (
    <div className="combobox">
      <input
        ref={input}
        type="text"
        role="combobox"
        aria-label={t('app.filters.timeZone')}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && matches[active] ? `${id}-opt-${active}` : undefined}
        data-testid="tz-input"
        value={query ?? value}
        spellCheck={false}
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onBlur={() => {
          // An exact name typed in full is taken; anything else leaves the zone unchanged.
          const typed = query?.trim();
          choose(typed && isKnownZone(typed) ? typed : undefined);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            if (!open) setQuery('');
            else setActive((i) => Math.min(i + 1, matches.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (e.key === 'Enter' && open) {
            e.preventDefault();
            choose(matches[active]);
          } else if (e.key === 'Escape' && open) {
            e.preventDefault();
            setQuery(null);
          }
        }}
      />
      <span className="combobox-offset" aria-hidden="true">
        {open ? '' : zoneOffset(value)}
      </span>
      {open && (
        <ul id={listId} role="listbox" className="combobox-list" aria-label={t('app.tz.list')} data-testid="tz-list">
          {matches.length === 0 && <li className="muted combobox-empty">{t('app.tz.noMatch', { query })}</li>}
          {matches.map((zone, index) => (
            <li
              key={zone}
              id={`${id}-opt-${index}`}
              role="option"
              aria-selected={index === active}
              className={zone === value ? 'current' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(zone);
              }}
              onMouseEnter={() => setActive(index)}
              ref={index === active ? (el) => el?.scrollIntoView({ block: 'nearest' }) : undefined}
            >
              <span>{zone}</span>
              <span className="muted">{zoneOffset(zone)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
