// The cell-text helpers live with the .xlsx part, which the playground builds on.
export * from '../../xlsx/cell-text';
