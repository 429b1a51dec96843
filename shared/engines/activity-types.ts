import type { ActivityType } from '../model';
import { readActivityType } from '../tables/activityTypes';

/**
 * The activity type named by `text` — a code ('visit'), a label (訪問, Visit) or an everyday
 * synonym (来社, TEL, Zoom…), read by the same vocabulary as the activity table — or null.
 */
export function activityTypeOf(text: string): ActivityType | null {
  const read = readActivityType(text);
  return read.ok ? read.value : null;
}
