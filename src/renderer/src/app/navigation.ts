/** The sidebar, in order. Each entry's path must have a route in routes.tsx. */
export interface NavItem {
  label: string;
  path: string;
  /** Shown under the label: what the area is for. */
  description: string;
}

export const navigation: NavItem[] = [
  { label: 'Dashboard', path: '/', description: 'Who to reconnect with' },
  { label: 'Contacts', path: '/contacts', description: 'People and circles' },
  { label: 'Journal', path: '/journal', description: 'Meetings and notes' },
  { label: 'Graph', path: '/graph', description: 'Your network' },
  { label: 'Goals', path: '/goals', description: 'Career and networking' },
  { label: 'Import', path: '/import', description: 'Calendars and contacts' },
  { label: 'Settings', path: '/settings', description: 'Your addresses, data' },
];

/** The nav entry a location belongs to: the longest path that prefixes it ('/' only matches itself). */
export function activeNavPath(pathname: string): string | null {
  let best: string | null = null;
  for (const item of navigation) {
    const matches =
      item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`);
    if (matches && (best === null || item.path.length > best.length)) best = item.path;
  }
  return best;
}
