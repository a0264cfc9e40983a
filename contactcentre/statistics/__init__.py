"""The contact centre's numbers: periods, measures (database aggregates), tables and SVG charts."""
