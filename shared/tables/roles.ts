import { CONTACT_ROLES, type ContactRole } from '../model';
import { ROLE_LABELS } from '../i18n/vocabulary';
import type { CellValue, Read } from '../values/cell';
import { normalizeText } from '../values/text';

/** Words for each contact role. 決裁者 (decision maker) counts as a key person. */
export const CONTACT_ROLE_SYNONYMS: Record<ContactRole, string[]> = {
  key: [
    'キーマン',
    'キーパーソン',
    'キーマン(決裁者)',
    '決裁者',
    '意思決定者',
    '決定権者',
    'KP',
    'key',
    'key person',
    'decision maker',
  ],
  charge: [
    '担当者',
    '担当',
    '窓口',
    '窓口担当',
    '実務担当',
    '実務担当者',
    'charge',
    'person in charge',
    'contact person',
  ],
  influencer: ['影響者', 'インフルエンサー', '推進者', 'influencer'],
  other: ['その他', 'other'],
};

function foldRole(s: string): string {
  return normalizeText(s)
    .toLowerCase()
    .replace(/[\s・_\-.]/g, '');
}

const LOOKUP = new Map<string, ContactRole>();
for (const role of CONTACT_ROLES) {
  for (const word of [role, ROLE_LABELS[role].ja, ROLE_LABELS[role].en, ...CONTACT_ROLE_SYNONYMS[role]])
    LOOKUP.set(foldRole(word), role);
}

/** Cell → contact role. Blank → 'other'; unknown text → 'tables.unknownRole'. */
export function readContactRole(v: CellValue): Read<ContactRole> {
  const text = normalizeText(v);
  if (text === '') return { ok: true, value: 'other' };
  const role = LOOKUP.get(foldRole(text));
  return role ? { ok: true, value: role } : { ok: false, key: 'tables.unknownRole', params: { value: text } };
}
