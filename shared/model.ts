/**
 * The domain as the engines see it: customers, contacts and activities after the table readers
 * have normalised the user's cells. Rows are the 1-based sheet rows the data came from, so any
 * finding can point the user back to the cell.
 */
import type { ActivityLog } from './activity-log';

/** A calendar date as whole days since 1970-01-01. Time zones never shift it. */
export type Day = number;

/** Attribute values after normalisation: numbers (also from "1,200万円"), text, or blank. */
export type AttrValue = string | number | boolean | null;

export interface Customer {
  id: string;
  name: string;
  /** フリガナ, for search; '' when the sheet has none. */
  kana: string;
  /** The rep (営業担当) responsible; '' when unknown. */
  rep: string;
  /** Every other column of the customer table, by its header text as the user wrote it. */
  attributes: Record<string, AttrValue>;
  row: number;
}

export const CONTACT_ROLES = ['key', 'charge', 'influencer', 'other'] as const;
/** key = キーマン (決裁者 counts too), charge = 担当者, influencer = 影響者. */
export type ContactRole = (typeof CONTACT_ROLES)[number];

export interface Contact {
  /** Stable id: the sheet's contact id when it has one, else customerId + name. */
  id: string;
  customerId: string;
  name: string;
  kana: string;
  /** Job title (部長, 課長…), also used to match "田中部長" in a log. */
  title: string;
  role: ContactRole;
  row: number;
}

export const ACTIVITY_TYPES = ['visit', 'call', 'web', 'email', 'proposal', 'other'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export interface Activity {
  row: number;
  date: Day;
  customerId: string;
  /** The people met as written in the log ("田中部長、鈴木様"), kept for display. */
  contactText: string;
  /** The contacts those names resolved to (ids); unresolved names are reported, not guessed. */
  contactIds: string[];
  type: ActivityType;
  purpose: string;
  content: string;
  nextAction: string;
  nextDue: Day | null;
  rep: string;
  /** When the row was recorded (the sidebar stamps it); null for hand-typed rows without one. */
  recordedAt: Day | null;
  /** Idempotency key of a sidebar submit; '' for hand-typed rows. */
  key: string;
}

/** Everything the engines need about one workbook's data, already normalised. */
export interface Dataset {
  customers: Customer[];
  contacts: Contact[];
  activities: Activity[];
  /**
   * The same activities stored by column, when they were read from a sheet (see activity-log.ts):
   * the engines of the custom functions read it and never make the objects.
   */
  log?: ActivityLog;
}
