"""Who is at the desk: the sign-in dialog, the screen lock and the inactivity watch."""
