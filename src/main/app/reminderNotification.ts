import { BrowserWindow, Notification } from 'electron';
import type { ReminderDigest } from '../../shared/reminders/schemas';

/** Shown notifications, kept until closed: one collected early loses its click handler. */
const showing = new Set<Notification>();

/**
 * The morning reminder as a system notification; clicking it brings Rapport's window forward
 * and then calls `onClick` (which opens the dashboard).
 */
export function showReminderNotification(digest: ReminderDigest, onClick: () => void): void {
  if (!Notification.isSupported()) return;
  const notification = new Notification({ title: `Rapport: ${digest.title}`, body: digest.lines.join('\n') });
  showing.add(notification);
  notification.on('click', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    onClick();
  });
  notification.on('close', () => showing.delete(notification));
  notification.show();
}
