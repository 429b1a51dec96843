/** The one custom-function table and the call wrapper every host uses. */
export { FUNCTIONS, EXCEL_NAMESPACE, excelName, sheetsName, findFunction } from './table';
export { callFunction, coerceArgs, type CallLimits } from './call';
export type { FunctionDef, ParamDef, ParamKind, CallResult, CoercedArgs } from './types';
