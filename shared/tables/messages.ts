import { defineMessages } from '../i18n/define';

/**
 * User-facing messages of shared/tables, in both languages. Params named *Ja / *En carry the same
 * thing in each language (a table or column name), so each catalog picks its own.
 */
export const tablesMessages = defineMessages({
  ja: {
    'tables.customers': '顧客',
    'tables.contacts': '連絡先',
    'tables.activities': '行動',
    'tables.noHeader':
      '{tableJa}の見出し行が見つかりません。先頭{rows}行のどこかに「{expectedJa}」などの見出しを置いてください。',
    'tables.missingColumn': '{tableJa}に必須の列「{columnJa}」がありません（使える見出し: {aliases}）。',
    'tables.duplicateColumn': 'この列は {other}列「{header}」と同じ意味です。{other}列の値を使います。',
    'tables.requiredValue': '必須の値が空欄です。',
    'tables.typeRequired': '行動の種別が空欄です（使える種別: {acceptedJa}）。「その他」として数えます。',
    'tables.unknownType':
      '「{value}」は行動の種別として読めません（使える種別: {acceptedJa}）。「その他」として数えます。',
    'tables.unknownRole':
      '「{value}」は連絡先の役割として読めません（使える役割: キーマン、決裁者、担当者、窓口、影響者、その他）。「その他」として扱います。',
    'tables.unknownCustomer': '顧客「{value}」が顧客一覧に見つかりません。この行は読み飛ばします。',
    'tables.ambiguousCustomer':
      '「{value}」に当てはまる顧客が複数あります（{candidates}）。顧客IDで書いてください。この行は読み飛ばします。',
    'tables.duplicateCustomerId': '顧客ID「{id}」は{firstRow}行目と重複しています。この行は読み飛ばします。',
    'tables.duplicateContactId': '連絡先ID「{id}」は{firstRow}行目と重複しています。この行は読み飛ばします。',
    'tables.unknownPerson': '「{name}」は顧客「{customer}」の連絡先に見つかりません。',
    'tables.ambiguousPerson':
      '「{name}」に当てはまる連絡先が複数あります（{candidates}）。フルネームか役職で書いてください。',
  },
  en: {
    'tables.customers': 'Customers',
    'tables.contacts': 'Contacts',
    'tables.activities': 'Activities',
    'tables.noHeader':
      'No header row found in the {tableEn} table. Put headers such as "{expectedEn}" in one of the first {rows} rows.',
    'tables.missingColumn': 'The {tableEn} table has no "{columnEn}" column (accepted headers: {aliases}).',
    'tables.duplicateColumn':
      'This column means the same as column {other} ("{header}"); the values of column {other} are used.',
    'tables.requiredValue': 'A required value is blank.',
    'tables.typeRequired':
      'The activity type is blank (accepted types: {acceptedEn}). It is counted as "Other".',
    'tables.unknownType':
      '"{value}" is not an activity type (accepted types: {acceptedEn}). It is counted as "Other".',
    'tables.unknownRole':
      '"{value}" is not a contact role (accepted: key person, decision maker, person in charge, influencer, other). It is treated as "Other".',
    'tables.unknownCustomer': 'Customer "{value}" is not in the customer list. This row is skipped.',
    'tables.ambiguousCustomer':
      '"{value}" matches several customers ({candidates}). Write the customer ID instead. This row is skipped.',
    'tables.duplicateCustomerId': 'Customer ID "{id}" repeats row {firstRow}. This row is skipped.',
    'tables.duplicateContactId': 'Contact ID "{id}" repeats row {firstRow}. This row is skipped.',
    'tables.unknownPerson': '"{name}" is not a contact of customer "{customer}".',
    'tables.ambiguousPerson':
      '"{name}" matches several contacts ({candidates}). Write the full name or the title.',
  },
});
