// Where the last signed-in user's public profile is kept on the device (remembered-profile.ts reads and
// checks it). Apart so the first screen can ask "has anyone signed in here?" without loading a schema.
export const PROFILE_STORAGE_KEY = 'tlb.profile';
