# Finnish names the month after a day in the partitive ("5. joulukuuta"), which Django's "E"
# gives; its MONTH_DAY_FORMAT "j. F" gave the nominative ("5. joulukuu").
MONTH_DAY_FORMAT = "j. E"
