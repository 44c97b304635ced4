/**
 * The IANA time zones this runtime knows, by their current names. ICU (Chromium, Node) still lists
 * some zones by names IANA has since replaced (Asia/Calcutta for Asia/Kolkata, Europe/Kiev for
 * Europe/Kyiv): the list shows the current name and finds the zone by either.
 */
const CURRENT_NAME: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** The current IANA name of a zone (ICU's older names mapped). */
export const currentZoneName = (zone: string): string => CURRENT_NAME[zone] ?? zone;

export interface ZoneEntry {
  readonly name: string;
  /** Lower-cased text the search matches: the name and its older one, `_` as spaces. */
  readonly search: string;
}

let zones: readonly ZoneEntry[] | null = null;

export function allTimeZones(): readonly ZoneEntry[] {
  if (!zones) {
    const listed = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    const entries = new Map<string, ZoneEntry>();
    for (const zone of ['UTC', ...listed]) {
      const name = currentZoneName(zone);
      const search = `${name} ${zone === name ? '' : zone}`.toLowerCase().replace(/_/g, ' ');
      entries.set(name, { name, search });
    }
    zones = [...entries.values()].sort((a, b) =>
      a.name === 'UTC' ? -1 : b.name === 'UTC' ? 1 : a.name.localeCompare(b.name),
    );
  }
  return zones;
}

export const isKnownZone = (zone: string): boolean => allTimeZones().some((entry) => entry.name === zone);
