import { ACTIVITY_TYPES, type ActivityType } from '../model';
import { ACTIVITY_TYPE_LABELS } from '../i18n/vocabulary';
import type { CellValue, Read } from '../values/cell';
import { normalizeText } from '../values/text';

/**
 * Everyday words for each activity type, as reps write them. 来社 (the customer came to us) and
 * 面談 are face-to-face meetings, so they count as visits. "Meeting" / ミーティング alone is not
 * accepted: it could be in person or online.
 */
export const ACTIVITY_TYPE_SYNONYMS: Record<ActivityType, string[]> = {
  visit: [
    '訪問',
    '来社',
    '来訪',
    '面談',
    '面会',
    '商談',
    '打ち合わせ',
    '打合せ',
    '打合わせ',
    '打ち合せ',
    '客先訪問',
    '往訪',
    'visit',
    'in person',
    'on-site',
    'onsite',
  ],
  call: ['電話', 'TEL', '架電', '受電', '電話連絡', '電話商談', 'call', 'phone', 'phone call'],
  web: [
    'Web会議',
    'Web面談',
    'Web商談',
    'Web打ち合わせ',
    'オンライン',
    'オンライン会議',
    'オンライン面談',
    'オンライン商談',
    'リモート',
    'ビデオ会議',
    'Zoom',
    'Teams',
    'Meet',
    'Google Meet',
    'Webex',
    'Skype',
    'ウェビナー',
    'Web',
    'online',
    'web meeting',
    'video call',
    'webinar',
  ],
  email: ['メール', 'Eメール', '電子メール', 'メール送付', 'メール連絡', 'mail', 'email', 'e-mail'],
  proposal: [
    '提案',
    '見積提出',
    '見積',
    '見積書提出',
    '見積もり提出',
    '提案書提出',
    'プレゼン',
    'プレゼンテーション',
    'デモ',
    'proposal',
    'quote',
    'quotation',
    'presentation',
    'demo',
  ],
  other: ['その他', 'ほか', 'other'],
};

// A note in brackets. [^()] / [^[\]]: an unclosed bracket stops the scan at the next one, so a
// cell of "((((" stays linear.
const BRACKETED = /\([^()]*\)|\[[^[\]]*\]/g;

function foldType(s: string): string {
  return normalizeText(s)
    .toLowerCase()
    .replace(/[\s・_\-.]/g, '');
}

const LOOKUP = new Map<string, ActivityType>();
for (const type of ACTIVITY_TYPES) {
  for (const word of [
    type,
    ACTIVITY_TYPE_LABELS[type].ja,
    ACTIVITY_TYPE_LABELS[type].en,
    ...ACTIVITY_TYPE_SYNONYMS[type],
  ])
    LOOKUP.set(foldType(word), type);
}
const ACCEPTED = {
  acceptedJa: ACTIVITY_TYPES.map((t) => ACTIVITY_TYPE_LABELS[t].ja).join('、'),
  acceptedEn: ACTIVITY_TYPES.map((t) => ACTIVITY_TYPE_LABELS[t].en).join(', '),
};

/**
 * Cell → activity type, from labels (訪問, Web会議…) and everyday synonyms (来社, TEL, Zoom…);
 * a note in brackets is ignored ("訪問（定例）"). Blank → 'tables.typeRequired'; unknown →
 * 'tables.unknownType' listing the accepted words.
 */
export function readActivityType(v: CellValue): Read<ActivityType> {
  const text = normalizeText(v);
  if (text === '') return { ok: false, key: 'tables.typeRequired', params: { ...ACCEPTED } };
  const type = LOOKUP.get(foldType(text)) ?? LOOKUP.get(foldType(text.replace(BRACKETED, '')));
  if (type) return { ok: true, value: type };
  return { ok: false, key: 'tables.unknownType', params: { value: text, ...ACCEPTED } };
}

/** The activity type a word names, or null: for places where an unknown word is not a cell error. */
export function activityTypeOf(v: CellValue): ActivityType | null {
  const read = readActivityType(v);
  return read.ok ? read.value : null;
}
