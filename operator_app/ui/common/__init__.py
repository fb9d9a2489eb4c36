"""What every feature shares: item-data roles, words for domain codes, time formats, icons,
the style sheet, translations, Qt logging and the binding check."""
