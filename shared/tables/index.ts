/** Tables by header: the customer, contact and activity tables read from the user's grids. */
export * from './columns';
export * from './headers';
export * from './spec';
export * from './labels';
export * from './readTable';
export * from './schemas';
export * from './companies';
export * from './people';
export * from './activityTypes';
export * from './roles';
export * from './readers';
export * from './answers';
export { tablesMessages } from './messages';
