/** The one cell normaliser every table read goes through. */
export * from './cell';
export * from './text';
export * from './numbers';
export * from './days';
export * from './dates';
export * from './booleans';
export * from './attributes';
export { valuesMessages } from './messages';
