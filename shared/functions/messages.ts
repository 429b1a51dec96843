import { defineMessages } from '../i18n/define';

/** User-facing messages of shared/functions, in both languages. */
export const functionsMessages = defineMessages({
  ja: {
    'functions.missingArgument': '引数「{name}」を指定してください',
    'functions.badDateArgument': '引数「{name}」を日付として読めません: 「{value}」',
    'functions.badBooleanArgument': '引数「{name}」は TRUE か FALSE で指定してください: 「{value}」',
    'functions.badMode': 'mode は {choices} のいずれかです: 「{value}」',
    'functions.col.rank': 'ランク',
    'functions.col.itemId': '項目ID',
    'functions.col.item': '項目',
    'functions.col.checked': '対象社数',
    'functions.col.gaps': 'ギャップ社数',
    'functions.col.version': '版',
    'functions.col.lastContact': '最終接触日',
    'functions.col.lastKeyContact': '最終キーマン接触日',
    'functions.col.daysSince': '経過日数',
    'functions.col.keyPersons': 'キーマン',
    'functions.col.keyPersonCount': 'キーマン人数',
  },
  en: {
    'functions.missingArgument': 'Argument "{name}" is required',
    'functions.badDateArgument': 'Argument "{name}" is not a date: "{value}"',
    'functions.badBooleanArgument': 'Argument "{name}" must be TRUE or FALSE: "{value}"',
    'functions.badMode': 'mode must be one of {choices}: "{value}"',
    'functions.col.rank': 'Rank',
    'functions.col.itemId': 'Item ID',
    'functions.col.item': 'Item',
    'functions.col.checked': 'Customers checked',
    'functions.col.gaps': 'Customers with a gap',
    'functions.col.version': 'Version',
    'functions.col.lastContact': 'Last contact',
    'functions.col.lastKeyContact': 'Last key-person contact',
    'functions.col.daysSince': 'Days since',
    'functions.col.keyPersons': 'Key persons',
    'functions.col.keyPersonCount': 'Key persons (count)',
  },
});
