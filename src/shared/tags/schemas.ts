import { z } from 'zod';

/** A tag as contacts, journal entries and goal filters name it (tags compare without case in the store). */
export const tagName = z.string().trim().min(1).max(60);
