"""The desk asks for attention outside its window: tray count, notification, taskbar flash."""
