"""Notification channels as plugins: `base` is the interface, `registry` the list of plugins.

The built-in plugins (`email`, `sms_local`, `in_app`) register themselves when the app is ready;
a gateway plugin in another app registers itself from that app's `ready()` and is chosen through
the NOTIFICATIONS_EMAIL_PLUGIN / NOTIFICATIONS_SMS_PLUGIN settings.
"""
