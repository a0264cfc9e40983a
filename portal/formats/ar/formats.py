# Django's Arabic module has no date-and-time formats, so it fell back to the American
# "N j, Y, P" (month first, 12-hour clock) and "m/d/Y P": in Arabic day, month, year as in its
# DATE_FORMAT and SHORT_DATE_FORMAT, and the 24-hour clock of the municipality's other languages.
DATETIME_FORMAT = "j F Y، H:i"
SHORT_DATETIME_FORMAT = "d\u200f/m\u200f/Y H:i"
TIME_FORMAT = "H:i"
