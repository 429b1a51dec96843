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
    'tables.duplicateColumn.fix': 'どちらかの見出しを変えるか、使わない列を消してください。',
    'tables.requiredValue': '必須の値が空欄です。この行は読み飛ばします。',
    'tables.requiredValue.fix': '空欄を埋めてください。',
    'tables.customerRequired': '顧客IDが空欄です。この行は読み飛ばします。',
    'tables.customerRequired.fix': '顧客IDか顧客名を書いてください。',
    'tables.customerOrNameRequired': '顧客IDも顧客名も空欄です。この行は読み飛ばします。',
    'tables.customerOrNameRequired.fix': '顧客IDか顧客名を書いてください。',
    'tables.typeRequired': '行動の種別が空欄です（使える種別: {acceptedJa}）。「その他」として数えます。',
    'tables.typeRequired.fix': '種別（訪問、電話、Web会議、メール、提案、その他）を書いてください。',
    'tables.unknownType':
      '「{value}」は行動の種別として読めません（使える種別: {acceptedJa}）。「その他」として数えます。',
    'tables.unknownType.fix': '使える種別のどれかに書き直してください。',
    'tables.unknownRole':
      '「{value}」は連絡先の役割として読めません（使える役割: キーマン、決裁者、担当者、窓口、影響者、その他）。「その他」として扱います。',
    'tables.unknownRole.fix': '役割をキーマン、決裁者、担当者、窓口、影響者、その他のどれかにしてください。',
    'tables.unknownCustomer': '顧客「{value}」が顧客一覧に見つかりません。この行は読み飛ばします。',
    'tables.unknownCustomer.fix':
      '見込み客なら顧客一覧に加え、書き間違いなら顧客一覧どおりのIDか社名に直してください。',
    'tables.unknownCustomerRows':
      '顧客「{value}」が顧客一覧に見つかりません（この行を含め{count}行）。これらの行は読み飛ばします。',
    'tables.unknownCustomerRows.fix':
      '見込み客なら顧客一覧に加え、書き間違いなら顧客一覧どおりのIDか社名に直してください。',
    'tables.ambiguousCustomer':
      '「{value}」に当てはまる顧客が複数あります（{candidates}）。この行は読み飛ばします。',
    'tables.ambiguousCustomer.fix': '顧客IDで書いてください。',
    'tables.duplicateCustomerId': '顧客ID「{id}」は{firstRow}行目と重複しています。この行は読み飛ばします。',
    'tables.duplicateCustomerId.fix': 'どちらかのIDを変えるか、重複している行を消してください。',
    'tables.duplicateContactId':
      '連絡先ID「{id}」は{firstRow}行目の別の人と重複しています。この行は読み飛ばします。',
    'tables.duplicateContactId.fix': 'どちらかの連絡先IDを変えてください。',
    'tables.repeatedContact': '「{name}」は{firstRow}行目と同じ連絡先です。1人として数えます。',
    'tables.repeatedContact.fix': '重複している行を1行にまとめてください。',
    'tables.unknownPerson': '「{name}」は顧客「{customer}」の連絡先に見つかりません。',
    'tables.unknownPerson.fix': '連絡先シートにこの人を加えるか、連絡先どおりの氏名に直してください。',
    'tables.ambiguousPerson': '「{name}」に当てはまる連絡先が複数あります（{candidates}）。',
    'tables.ambiguousPerson.fix': 'フルネームか役職つきで書いてください。',
    'tables.peopleTooLong':
      '面談者の欄が{length}文字あり、人の名前の並びとして読めません（{max}文字まで）。面談者なしとして数えます。',
    'tables.peopleTooLong.fix': '面談者の欄には名前だけを書き、やり取りの内容は内容の欄へ移してください。',
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
    'tables.duplicateColumn.fix': 'Rename one of the headers, or delete the column you do not use.',
    'tables.requiredValue': 'A required value is blank. This row is skipped.',
    'tables.requiredValue.fix': 'Fill in the blank cell.',
    'tables.customerRequired': 'The customer ID is blank. This row is skipped.',
    'tables.customerRequired.fix': 'Write the customer ID or the customer name.',
    'tables.customerOrNameRequired':
      'Both the customer ID and the customer name are blank. This row is skipped.',
    'tables.customerOrNameRequired.fix': 'Write the customer ID or the customer name.',
    'tables.typeRequired':
      'The activity type is blank (accepted types: {acceptedEn}). It is counted as "Other".',
    'tables.typeRequired.fix': 'Write the type (visit, call, web meeting, email, proposal, other).',
    'tables.unknownType':
      '"{value}" is not an activity type (accepted types: {acceptedEn}). It is counted as "Other".',
    'tables.unknownType.fix': 'Use one of the accepted types.',
    'tables.unknownRole':
      '"{value}" is not a contact role (accepted: key person, decision maker, person in charge, influencer, other). It is treated as "Other".',
    'tables.unknownRole.fix':
      'Use key person, decision maker, person in charge, influencer or other as the role.',
    'tables.unknownCustomer': 'Customer "{value}" is not in the customer list. This row is skipped.',
    'tables.unknownCustomer.fix':
      'Add it to the customer list if it is a prospect; otherwise correct the ID or name as the customer list writes it.',
    'tables.unknownCustomerRows':
      'Customer "{value}" is not in the customer list ({count} rows, this one included). These rows are skipped.',
    'tables.unknownCustomerRows.fix':
      'Add it to the customer list if it is a prospect; otherwise correct the ID or name as the customer list writes it.',
    'tables.ambiguousCustomer': '"{value}" matches several customers ({candidates}). This row is skipped.',
    'tables.ambiguousCustomer.fix': 'Write the customer ID instead.',
    'tables.duplicateCustomerId': 'Customer ID "{id}" repeats row {firstRow}. This row is skipped.',
    'tables.duplicateCustomerId.fix': 'Change one of the IDs, or delete the repeated row.',
    'tables.duplicateContactId':
      'Contact ID "{id}" is already used by another person in row {firstRow}. This row is skipped.',
    'tables.duplicateContactId.fix': 'Give one of them another contact ID.',
    'tables.repeatedContact': '"{name}" is the same contact as in row {firstRow}; counted as one person.',
    'tables.repeatedContact.fix': 'Merge the repeated rows into one.',
    'tables.unknownPerson': '"{name}" is not a contact of customer "{customer}".',
    'tables.unknownPerson.fix':
      'Add the person to the contacts, or write the name as the contacts sheet does.',
    'tables.ambiguousPerson': '"{name}" matches several contacts ({candidates}).',
    'tables.ambiguousPerson.fix': 'Write the full name, or the name with the title.',
    'tables.peopleTooLong':
      'The people-met cell is {length} characters long, too long to be a list of names (up to {max}); counted as no one met.',
    'tables.peopleTooLong.fix': 'Write only the names there, and move the rest to the content column.',
  },
});
